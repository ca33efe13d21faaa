/// A threshold on one of a goal's indicators that money depends on (prestationsmål, as in
/// the 2014 agreement: a share of the funds is paid when, say, 90 % of first assessments are
/// made within 30 days): `performance: [{indicator, threshold, amount_sek, by, funding_stream}]`.
public struct PerformanceTarget: Hashable, Sendable {
    /// The id of the goal's indicator the threshold is on.
    public var indicator: String
    /// The value to reach, in the indicator's unit: at least it for an indicator that should
    /// increase, at most it for one that should decrease.
    public var threshold: Double
    /// The kronor paid when the threshold is reached.
    public var amountSEK: Int
    /// The day the threshold must be reached by; nil: the indicator's target date, else the
    /// plan period's end.
    public var by: CalendarDate?
    /// The funding stream the amount belongs to.
    public var fundingStream: String?

    /// Creates a performance target.
    public init(indicator: String, threshold: Double, amountSEK: Int, by: CalendarDate? = nil, fundingStream: String? = nil) {
        self.indicator = indicator
        self.threshold = threshold
        self.amountSEK = amountSEK
        self.by = by
        self.fundingStream = fundingStream
    }

    init?(_ f: Fields) {
        guard let indicator = f.string("indicator"), let threshold = f.number("threshold"),
            let amount = f.int("amount_sek")
        else { return nil }
        self.init(
            indicator: indicator, threshold: threshold, amountSEK: amount, by: f.date("by"),
            fundingStream: f.string("funding_stream"))
    }
}
