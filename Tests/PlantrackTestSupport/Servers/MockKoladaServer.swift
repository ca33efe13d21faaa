import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A stand-in for Kolada's API v3 on 127.0.0.1 at a free port, in this process (SwiftNIO's
/// HTTP/1.1 server): it answers from a table the test gives, path and query → answers, and
/// counts the requests. Stopped when released.
///
/// Each path has a list of answers given in turn, the last one again for every later
/// request, so `[.status(429, retryAfter: "0"), .json(page)]` is a 429 and then the page. A
/// path not in the table is answered 404 with a body naming it.
public final class MockKoladaServer: @unchecked Sendable {
    /// One answer to one request.
    public struct Answer: Sendable {
        /// How the answer is sent.
        public enum Delivery: Sendable {
            /// Status, headers and the whole body with its `Content-Length`.
            case whole
            /// `Content-Length` of the whole body, then only its first bytes, then the
            /// connection is closed: an answer that breaks off.
            case cutAfter(Int)
            /// Nothing at all: the connection stays open and silent (a server that hangs).
            case never
        }

        /// The HTTP status.
        public var status: Int
        /// Headers beside `Content-Length` (`Retry-After`, `Content-Type`).
        public var headers: [(String, String)]
        /// The body.
        public var body: [UInt8]
        /// How it is sent.
        public var delivery: Delivery

        /// Creates an answer.
        public init(status: Int, headers: [(String, String)] = [], body: [UInt8] = [], delivery: Delivery = .whole) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delivery = delivery
        }

        /// A 200 with a JSON body.
        public static func json(_ text: String) -> Answer {
            Answer(status: 200, headers: [("Content-Type", "application/json")], body: Array(text.utf8))
        }

        /// A status with a short body, and `Retry-After` when given (`"0"`, `"1"` or a date).
        public static func status(_ code: Int, retryAfter: String? = nil, body: String = "") -> Answer {
            var headers: [(String, String)] = [("Content-Type", "application/json")]
            if let retryAfter { headers.append(("Retry-After", retryAfter)) }
            return Answer(status: code, headers: headers, body: Array(body.utf8))
        }

        /// A 200 whose body stops after `bytes` of `text` although its length says more.
        public static func cut(_ text: String, after bytes: Int) -> Answer {
            Answer(
                status: 200, headers: [("Content-Type", "application/json")], body: Array(text.utf8),
                delivery: .cutAfter(bytes))
        }

        /// No answer at all.
        public static let never = Answer(status: 200, delivery: .never)
    }

    /// The port the server listens on.
    public let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let state: MockKoladaState

    /// Starts the server with `table`: a request's path and query (`/v3/data/kpi/N1/…?page=2`)
    /// → its answers in turn. More can be added with ``answer(_:with:)`` (pages whose next
    /// URL names the port).
    public init(_ table: [String: [Answer]] = [:]) throws {
        let state = MockKoladaState(table: table)
        self.state = state
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(MockKoladaHandler(state: state))
                }
            }
        do {
            channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw TestSetupError("the mock Kolada server cannot listen on 127.0.0.1: \(error)")
        }
        guard let port = channel.localAddress?.port else {
            try? group.syncShutdownGracefully()
            throw TestSetupError("the mock Kolada server has no port")
        }
        self.port = port
    }

    deinit {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// The base URL to give `--base-url`: `http://127.0.0.1:PORT/v3`.
    public var baseURL: String { "http://127.0.0.1:\(port)/v3" }

    /// The paths (with queries) asked, in the order they came.
    public var requests: [String] { state.asked }

    /// Answers `path` (with its query) with `answers` in turn, from now on.
    public func answer(_ path: String, with answers: [Answer]) {
        state.set(path, answers)
    }

    /// How many times `path` was asked.
    public func count(_ path: String) -> Int { state.asked.filter { $0 == path }.count }
}

/// The table and the requests seen, shared by the connections' handlers.
private final class MockKoladaState: @unchecked Sendable {
    private let lock = NSLock()
    private var table: [String: [MockKoladaServer.Answer]]
    private var seen: [String] = []

    init(table: [String: [MockKoladaServer.Answer]]) {
        self.table = table
    }

    func set(_ path: String, _ answers: [MockKoladaServer.Answer]) {
        lock.lock()
        defer { lock.unlock() }
        table[path] = answers
    }

    var asked: [String] {
        lock.lock()
        defer { lock.unlock() }
        return seen
    }

    /// Records the request and picks its answer.
    func answer(_ uri: String) -> MockKoladaServer.Answer {
        lock.lock()
        defer { lock.unlock() }
        let earlier = seen.filter { $0 == uri }.count
        seen.append(uri)
        guard let answers = table[uri], let last = answers.last else {
            return .status(404, body: "{\"error\": \"not in the test's table: \(uri)\"}")
        }
        return earlier < answers.count ? answers[earlier] : last
    }
}

private final class MockKoladaHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: MockKoladaState
    private var uri = ""

    init(state: MockKoladaState) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            uri = head.uri
        case .body:
            break
        case .end:
            respond(context: context, with: state.answer(uri))
        }
    }

    private func respond(context: ChannelHandlerContext, with answer: MockKoladaServer.Answer) {
        var headers = HTTPHeaders()
        for (name, value) in answer.headers { headers.add(name: name, value: value) }
        headers.add(name: "Content-Length", value: String(answer.body.count))
        let head = HTTPResponseHead(
            version: .http1_1, status: HTTPResponseStatus(statusCode: answer.status), headers: headers)
        switch answer.delivery {
        case .never:
            return
        case .whole:
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: answer.body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        case .cutAfter(let count):
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            let part = ByteBuffer(bytes: answer.body.prefix(count))
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(part)))).whenComplete { _ in
                channel.close(promise: nil)
            }
        }
    }
}
