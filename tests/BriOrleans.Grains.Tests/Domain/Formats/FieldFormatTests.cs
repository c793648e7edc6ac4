using BriOrleans.Grains.Domain;

namespace BriOrleans.Grains.Tests.Domain.Formats;

public sealed class FieldFormatTests
{
    [Theory]
    [InlineData("CSQU3054383", true)]
    [InlineData("MSKU1234565", true)]
    [InlineData("TGHU7654320", true)]
    [InlineData("CICU1000017", true)]
    [InlineData("CSQU3054382", false)]
    [InlineData("CSQA3054383", false)]
    [InlineData("CSQU305438X", false)]
    [InlineData("CS1U3054383", false)]
    [InlineData("CSQU30543830", false)]
    public void Container_numbers_follow_ISO_6346_with_its_check_digit(string number, bool valid)
    {
        Assert.Equal(valid, ContainerNumber.IsValid(number));
    }

    [Theory]
    [InlineData("HWUPKR0MPOU8FGXBT394", true)]
    [InlineData("5493001KJTIIGC8Y1R12", true)]
    [InlineData("529900T8BM49AURSDO55", true)]
    [InlineData("HWUPKR0MPOU8FGXBT349", false)]
    [InlineData("hwupkr0mpou8fgxbt394", false)]
    [InlineData("HWUPKR0MPOU8FGXBT3A4", false)]
    [InlineData("HWUPKR0MPOU8FGXBT39", false)]
    public void Legal_entity_identifiers_carry_ISO_17442_check_digits(string lei, bool valid)
    {
        Assert.Equal(valid, LegalEntityIdentifier.IsValid(lei));
    }

    [Theory]
    [InlineData("CNSHA", true)]
    [InlineData("KZALA", true)]
    [InlineData("DEHAM", true)]
    [InlineData("US2AB", true)]
    [InlineData("CNSH1", false)]
    [InlineData("CNSH0", false)]
    [InlineData("cnsha", false)]
    [InlineData("C1SHA", false)]
    [InlineData("CNSHAI", false)]
    [InlineData("", false)]
    public void UN_LOCODEs_are_a_country_code_and_three_letters_or_digits_two_to_nine(string code, bool valid)
    {
        Assert.Equal(valid, UnLocode.IsWellFormed(code));
    }

    [Theory]
    [InlineData("SH-2025/0001:a_b.c", true)]
    [InlineData("SH 1", false)]
    [InlineData("SH#1", false)]
    [InlineData("ШИП-1", false)]
    [InlineData("", false)]
    public void Ids_are_short_and_ascii(string id, bool valid)
    {
        Assert.Equal(valid, FieldFormat.IsId(id));
        Assert.False(FieldFormat.IsId(new string('a', FieldFormat.MaxIdLength + 1)));
    }

    [Theory]
    [InlineData("844630", true)]
    [InlineData("84463000", true)]
    [InlineData("8446300000", true)]
    [InlineData("8446.30", false)]
    [InlineData("8446300", false)]
    public void HS_codes_have_six_eight_or_ten_digits(string code, bool valid)
    {
        Assert.Equal(valid, FieldFormat.IsHsCode(code));
    }
}
