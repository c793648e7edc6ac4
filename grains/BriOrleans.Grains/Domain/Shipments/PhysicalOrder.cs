using BriOrleans.GrainInterfaces;

namespace BriOrleans.Grains.Domain;

/// <summary>
/// The state machine that actual (ACT) transport and equipment events of one piece of equipment must follow.
/// A track is stationary at a place (initially the origin) or underway from it on a transport:
/// <list type="bullet">
/// <item>DEPA at L on transport T: stationary at L → underway on T (a departure is only from where it is).</item>
/// <item>ARRI at L on T: underway on T → stationary at L.</item>
/// <item>CROS (a border crossing): only while underway; nothing changes.</item>
/// <item>LOAD at L: stationary at L and not loaded → loaded. DISC at L: stationary at L and loaded → not loaded.</item>
/// <item>Every other equipment event (GTIN, GTOT, STUF, INSP, CUSI, ...) at L: only while stationary at L.</item>
/// </list>
/// <see cref="Apply"/> is total (it never refuses), so that replaying the standing events after a retraction
/// always yields a state, whether or not later events would still pass <see cref="Violation"/>.
/// </summary>
public static class PhysicalOrder
{
    /// <summary>Why the event cannot happen to the track now; null when it can.</summary>
    public static string? Violation(EquipmentTrack track, string code, string location, string transport)
    {
        var name = track.EquipmentReference.Length > 0 ? track.EquipmentReference : "the consignment";
        var where = track.Underway ? $"underway from {track.Place} on {track.Transport}" : $"at {track.Place}";
        return code switch
        {
            DcsaEventCodes.Departed when track.Underway => $"{name} cannot depart from {location}: it is {where}",
            DcsaEventCodes.Departed when track.Place != location =>
                $"{name} cannot depart from {location}: it is {where} and has not arrived at {location} since",
            DcsaEventCodes.Departed => null,
            DcsaEventCodes.Arrived when !track.Underway => $"{name} cannot arrive at {location}: it is {where}, not underway",
            DcsaEventCodes.Arrived when track.Transport != transport =>
                $"{name} cannot arrive at {location} on {transport}: it is {where}",
            DcsaEventCodes.Arrived => null,
            DcsaEventCodes.Crossed => track.Underway ? null : $"{name} cannot cross a border at {location}: it is {where}, not underway",
            _ when track.Underway || track.Place != location => $"{name} cannot be {code} at {location}: it is {where}",
            DcsaEventCodes.Loaded when track.Loaded => $"{name} cannot be loaded at {location}: it is loaded already",
            DcsaEventCodes.Discharged when !track.Loaded => $"{name} cannot be discharged at {location}: it was not loaded",
            _ => null,
        };
    }

    /// <summary>Moves the track as the event says.</summary>
    public static void Apply(EquipmentTrack track, string code, string location, string transport)
    {
        switch (code)
        {
            case DcsaEventCodes.Departed:
                track.Place = location;
                track.Underway = true;
                track.Transport = transport;
                break;
            case DcsaEventCodes.Arrived:
                track.Place = location;
                track.Underway = false;
                track.Transport = "";
                break;
            case DcsaEventCodes.Loaded:
                track.Loaded = true;
                break;
            case DcsaEventCodes.Discharged:
                track.Loaded = false;
                break;
        }
    }
}
