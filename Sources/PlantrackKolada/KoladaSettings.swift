/// How `indicators fetch` talks to Kolada: where, in how large lists, how long it waits and
/// how often it tries again (docs/indicators.md).
public struct KoladaSettings: Sendable, Hashable {
    /// The API's base URL, without a trailing slash: `https://api.kolada.se/v3`.
    public var baseURL: String
    /// At most this many ids in one list of a request path (key figures, municipalities,
    /// years). Kolada's limit is not documented; clients report about 20–25.
    public var batchSize: Int
    /// The page size asked for (`per_page`); nil leaves it to Kolada.
    public var perPage: Int?
    /// Seconds to wait for a connection.
    public var connectTimeout: Double
    /// Seconds to wait for the next bytes of an answer once connected.
    public var readTimeout: Double
    /// How many times one page is asked for at most (the first try included) while Kolada
    /// answers 429 or 5xx.
    public var maxAttempts: Int
    /// The wait before the second try, in seconds; it doubles with every further try.
    public var firstBackoff: Double
    /// The longest wait between two tries, in seconds, whatever `Retry-After` asks.
    public var maxBackoff: Double
    /// The largest answer body read, in bytes.
    public var maxBodyBytes: Int

    /// The default base URL: Kolada's API v3.
    public static let defaultBaseURL = "https://api.kolada.se/v3"

    /// Creates settings; every value has a default.
    public init(
        baseURL: String = KoladaSettings.defaultBaseURL, batchSize: Int = 20, perPage: Int? = nil,
        connectTimeout: Double = 10, readTimeout: Double = 30, maxAttempts: Int = 4, firstBackoff: Double = 0.5,
        maxBackoff: Double = 30, maxBodyBytes: Int = 64 << 20
    ) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.batchSize = max(1, batchSize)
        self.perPage = perPage
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.maxAttempts = max(1, maxAttempts)
        self.firstBackoff = firstBackoff
        self.maxBackoff = maxBackoff
        self.maxBodyBytes = maxBodyBytes
    }
}
