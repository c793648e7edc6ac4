namespace BriOrleans.NodeCore.Network;

/// <summary>English short names of Belt and Road countries a development network is likely to use.</summary>
public static class CountryNames
{
    private static readonly SortedDictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["AE"] = "United Arab Emirates", ["AZ"] = "Azerbaijan", ["BD"] = "Bangladesh", ["BY"] = "Belarus",
        ["CN"] = "China", ["EG"] = "Egypt", ["GE"] = "Georgia", ["GR"] = "Greece", ["HU"] = "Hungary",
        ["ID"] = "Indonesia", ["IR"] = "Iran", ["KE"] = "Kenya", ["KG"] = "Kyrgyzstan", ["KH"] = "Cambodia",
        ["KZ"] = "Kazakhstan", ["LA"] = "Laos", ["LK"] = "Sri Lanka", ["MM"] = "Myanmar", ["MN"] = "Mongolia",
        ["MY"] = "Malaysia", ["NG"] = "Nigeria", ["NP"] = "Nepal", ["PK"] = "Pakistan", ["PL"] = "Poland",
        ["RS"] = "Serbia", ["RU"] = "Russia", ["SA"] = "Saudi Arabia", ["SG"] = "Singapore", ["TH"] = "Thailand",
        ["TJ"] = "Tajikistan", ["TM"] = "Turkmenistan", ["TR"] = "Türkiye", ["UZ"] = "Uzbekistan", ["VN"] = "Viet Nam",
    };

    /// <summary>The name of <paramref name="code"/>, or the code itself when this list does not know it.</summary>
    public static string Of(string code) => Names.TryGetValue(code, out var name) ? name : code;
}
