import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import PlantrackCore

/// How far a fetch has come, for a progress line.
public struct KoladaProgress: Sendable, Hashable {
    /// Planned requests finished (every page read).
    public var requestsDone: Int
    /// Planned requests in all.
    public var requestsPlanned: Int
    /// Pages read so far.
    public var pages: Int
    /// Values read so far.
    public var values: Int
    /// Tries repeated so far after a 429 or 5xx.
    public var retries: Int
}

/// What a fetch cost.
public struct KoladaFetchFigures: Sendable, Hashable {
    /// Planned requests (first pages).
    public var planned: Int
    /// HTTP requests sent: every page and every repeated try.
    public var requests: Int
    /// Pages read.
    public var pages: Int
    /// Tries repeated after a 429 or 5xx.
    public var retries: Int
    /// Bytes of answer bodies read.
    public var bytes: Int
    /// Seconds from the first request to the last byte.
    public var seconds: Double
}

/// The values of a fetch and what it cost.
public struct KoladaFetch: Sendable {
    /// Every value read, each with the URL of the page it came from (the first page's is the
    /// planned request's; a later page's is the next page's URL the answer gave, resolved).
    public var values: [FetchedValue]
    /// Requests, retries, bytes and time.
    public var figures: KoladaFetchFigures
}

/// A fetch that failed: the URL of the request and what was wrong.
public struct KoladaFetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL asked (the page's, with its paging parameters).
    public var request: String
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(request: String, message: String) {
        self.request = request
        self.message = message
    }

    /// `GET URL: MESSAGE`.
    public var description: String { "GET \(request): \(message)" }
}

/// Kolada's API v3 over HTTP, with AsyncHTTPClient: asks for the planned requests one after
/// another, follows each answer's next page, tries again after 429 and 5xx, and reads the
/// values with ``KoladaAnswer/page(_:request:)`` (docs/indicators.md).
public struct KoladaClient: Sendable {
    /// Where and how to ask.
    public var settings: KoladaSettings

    /// At most this many pages for one planned request: a server whose next pages never end
    /// stops the fetch rather than running forever.
    static let maxPages = 10_000

    /// Creates a client.
    public init(settings: KoladaSettings) {
        self.settings = settings
    }

    /// Fetches every request of `plan` and every page of its answer. Any failure ends the
    /// fetch with a ``KoladaFetchError`` naming the page's URL: no connection, no answer
    /// within the read timeout, a status other than 200 (after the tries for 429 and 5xx), a
    /// body that breaks off or is not a v3 data answer, a next page on another host.
    public func fetch(
        _ plan: KoladaRequestPlan, progress: (@Sendable (KoladaProgress) -> Void)? = nil
    ) async throws(KoladaFetchError) -> KoladaFetch {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = HTTPClient.Configuration.Timeout(
            connect: .milliseconds(Int64(settings.connectTimeout * 1000)),
            read: .milliseconds(Int64(settings.readTimeout * 1000)))
        // The URL a value records is the URL asked; a redirect is reported, not followed.
        configuration.redirectConfiguration = .disallow
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let clock = ContinuousClock()
        let start = clock.now
        var run = Run(planned: plan.requests.count)
        let result: Result<Void, KoladaFetchError>
        do throws(KoladaFetchError) {
            for request in plan.requests {
                try await fetchAllPages(of: request, with: client, into: &run, progress: progress)
                run.requestsDone += 1
                progress?(run.progress)
            }
            result = .success(())
        } catch {
            result = .failure(error)
        }
        try? await client.shutdown()
        try result.get()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return KoladaFetch(
            values: run.values,
            figures: KoladaFetchFigures(
                planned: plan.requests.count, requests: run.requests, pages: run.pages, retries: run.retries,
                bytes: run.bytes, seconds: seconds))
    }

    /// What a fetch has read so far.
    private struct Run {
        var planned: Int
        var requestsDone = 0
        var requests = 0
        var pages = 0
        var retries = 0
        var bytes = 0
        var values: [FetchedValue] = []

        var progress: KoladaProgress {
            KoladaProgress(
                requestsDone: requestsDone, requestsPlanned: planned, pages: pages, values: values.count, retries: retries)
        }
    }

    private func fetchAllPages(
        of request: KoladaRequestPlan.Request, with client: HTTPClient, into run: inout Run,
        progress: (@Sendable (KoladaProgress) -> Void)?
    ) async throws(KoladaFetchError) {
        guard var page = KoladaURL(request.firstPage) else {
            throw KoladaFetchError(
                request: request.firstPage, message: "not an http:// or https:// URL with a host (check --base-url)")
        }
        let origin = page
        var seen: Set<String> = []
        while true {
            seen.insert(page.text)
            let body = try await get(page.text, with: client, into: &run)
            let answer: KoladaPage
            do {
                answer = try KoladaAnswer.page(body, request: page.text)
            } catch {
                throw KoladaFetchError(request: page.text, message: Self.answerWords(error))
            }
            try Self.check(answer.values, against: request, page: page.text)
            run.pages += 1
            run.values += answer.values.map { FetchedValue(value: $0, request: page.text) }
            progress?(run.progress)
            guard let next = answer.next, !next.isEmpty else { return }
            guard let resolved = page.resolving(next) else {
                throw KoladaFetchError(request: page.text, message: "the next page's URL '\(next)' cannot be read")
            }
            guard resolved.sameOrigin(as: origin) else {
                throw KoladaFetchError(
                    request: page.text,
                    message:
                        "the next page is on another host (\(resolved.scheme)://\(resolved.authority)); plantrack follows pages on \(origin.scheme)://\(origin.authority) only"
                )
            }
            guard !seen.contains(resolved.text) else {
                throw KoladaFetchError(
                    request: page.text, message: "the next page (\(resolved.text)) was read already: the pages go round")
            }
            guard seen.count < Self.maxPages else {
                throw KoladaFetchError(request: page.text, message: "more than \(Self.maxPages) pages for one request")
            }
            page = resolved
        }
    }

    /// Every value of an answer must be one the request asked for.
    private static func check(_ values: [KoladaValue], against request: KoladaRequestPlan.Request, page: String)
        throws(KoladaFetchError)
    {
        for value in values
        where !request.kpis.contains(value.kpi) || !request.municipalities.contains(value.municipality)
            || !request.years.contains(value.period)
        {
            throw KoladaFetchError(
                request: page,
                message:
                    "the answer holds a value that was not asked for (\(value.kpi) for \(value.municipality), \(value.period))"
            )
        }
    }

    /// One page: its body, after as many tries as 429 and 5xx answers take.
    private func get(_ url: String, with client: HTTPClient, into run: inout Run) async throws(KoladaFetchError)
        -> [UInt8]
    {
        var attempt = 1
        while true {
            var request = HTTPClientRequest(url: url)
            request.method = .GET
            request.headers.add(name: "Accept", value: "application/json")
            request.headers.add(name: "User-Agent", value: "plantrack (indicators fetch)")
            run.requests += 1
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, timeout: .seconds(600))
            } catch {
                throw KoladaFetchError(request: url, message: words(error))
            }
            let status = response.status
            if status == .ok {
                return try await read(response, url: url, into: &run)
            }
            let excerpt = await Self.excerpt(of: response)
            let retryable = status == .tooManyRequests || status.code >= 500
            if retryable && attempt < settings.maxAttempts {
                let asked = response.headers.first(name: "Retry-After").flatMap { RetryAfter.seconds($0, now: RetryAfter.now()) }
                let backoff = settings.firstBackoff * Double(1 << min(attempt - 1, 20))
                let wait = min(asked ?? backoff, settings.maxBackoff)
                if wait > 0 {
                    try? await Task.sleep(for: .milliseconds(Int64(wait * 1000)))
                }
                attempt += 1
                run.retries += 1
                continue
            }
            var message = "Kolada answered \(status.code) \(status.reasonPhrase)"
            if retryable {
                message += " \(attempt == 1 ? "on the only try" : "on all \(attempt) tries")"
            } else if (300..<400).contains(status.code) {
                let location = response.headers.first(name: "Location").map { " to \($0)" } ?? ""
                message += " (a redirect\(location); plantrack follows none: give --base-url the address it names)"
            } else if (400..<500).contains(status.code) {
                message += " (an unknown key figure or municipality id, or ids Kolada does not accept)"
            }
            if !excerpt.isEmpty { message += ": \(excerpt)" }
            throw KoladaFetchError(request: url, message: message)
        }
    }

    /// The body of a 200 answer, all of it; an answer that breaks off is an error.
    private func read(_ response: HTTPClientResponse, url: String, into run: inout Run) async throws(KoladaFetchError)
        -> [UInt8]
    {
        var bytes: [UInt8] = []
        if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length <= settings.maxBodyBytes {
            bytes.reserveCapacity(length)
        }
        do {
            for try await buffer in response.body {
                bytes.append(contentsOf: buffer.readableBytesView)
                guard bytes.count <= settings.maxBodyBytes else {
                    throw KoladaFetchError(
                        request: url, message: "the answer is larger than \(settings.maxBodyBytes) bytes")
                }
            }
        } catch let error as KoladaFetchError {
            throw error
        } catch {
            run.bytes += bytes.count
            throw KoladaFetchError(
                request: url, message: "the answer broke off after \(bytes.count) bytes (\(words(error)))")
        }
        run.bytes += bytes.count
        return bytes
    }

    /// The start of an error answer's body, on one line, for the message.
    private static func excerpt(of response: HTTPClientResponse) async -> String {
        var bytes: [UInt8] = []
        do {
            for try await buffer in response.body {
                bytes.append(contentsOf: buffer.readableBytesView.prefix(max(0, 400 - bytes.count)))
            }
        } catch {}
        let text = String(decoding: bytes.prefix(200), as: UTF8.self)
        let oneLine = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        return oneLine.trimmingSpaces + (bytes.count > 200 ? "…" : "")
    }

    /// An error of the HTTP client in words.
    private func words(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .readTimeout:
                return "no answer within \(Self.seconds(settings.readTimeout)) (the read timeout)"
            case .connectTimeout:
                return "no connection within \(Self.seconds(settings.connectTimeout)) (the connect timeout)"
            case .deadlineExceeded:
                return "the request took longer than its deadline"
            case .remoteConnectionClosed:
                return "the server closed the connection before the answer was complete"
            default:
                return "\(error)"
            }
        }
        return "\(error)"
    }

    /// A parse error of the answer without its request (the fetch error names it).
    private static func answerWords(_ error: KoladaAnswerError) -> String {
        var text = ""
        if let location = error.location { text += "line \(location.line), column \(location.column): " }
        if let field = error.field { text += "\(field): " }
        return text + error.message
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
