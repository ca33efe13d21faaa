/// The principal (huvudman) responsible for an activity or a funding stream: the region,
/// the county's municipalities together, one named municipality, or the region and the
/// municipalities jointly (docs/format.md, "The agreement's money").
///
/// Written as one string: `region`, `municipalities`, `joint`, or the municipality's
/// four-digit code (`"0180"`, quoted so YAML keeps the leading zero).
public enum Principal: Hashable, Sendable, CustomStringConvertible {
    /// The region (regionen, formerly landstinget).
    case region
    /// The county's municipalities together.
    case municipalities
    /// One municipality, by its four-digit code (`0180` is Stockholm).
    case municipality(code: String)
    /// The region and the municipalities jointly (gemensamt).
    case joint

    /// Reads `region`, `municipalities`, `joint` or a four-digit municipality code whose first
    /// two digits are a county code (01–25); nil for anything else.
    public init?(_ text: String) {
        switch text {
        case "region": self = .region
        case "municipalities": self = .municipalities
        case "joint": self = .joint
        default:
            let digits = Array(text.utf8)
            guard digits.count == 4, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                let county = Int(text.prefix(2)), (1...25).contains(county)
            else { return nil }
            self = .municipality(code: text)
        }
    }

    /// The string as written in a document.
    public var description: String {
        switch self {
        case .region: return "region"
        case .municipalities: return "municipalities"
        case .municipality(let code): return code
        case .joint: return "joint"
        }
    }

    /// The county code a municipality's code begins with; nil for the other principals.
    public var countyCode: String? {
        if case .municipality(let code) = self { return String(code.prefix(2)) }
        return nil
    }
}

/// A group an activity is for (målgrupp): the closed list of issue 23, with Swedish titles
/// for editors (the schema's description carries the same words).
public enum TargetGroup: String, Hashable, Sendable, CaseIterable {
    /// Barn och unga.
    case childrenYoung = "children_young"
    /// Vuxna.
    case adults
    /// Äldre.
    case older
    /// Brukare och anhöriga.
    case usersRelatives = "users_relatives"
    /// Personal.
    case staff

    /// The Swedish title.
    public var swedishTitle: String {
        switch self {
        case .childrenYoung: return "Barn och unga"
        case .adults: return "Vuxna"
        case .older: return "Äldre"
        case .usersRelatives: return "Brukare och anhöriga"
        case .staff: return "Personal"
        }
    }
}
