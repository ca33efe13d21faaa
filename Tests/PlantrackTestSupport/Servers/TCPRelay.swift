import Foundation

/// A TCP relay of the tests' own: listens on 127.0.0.1 at a free port and forwards every
/// connection to a target port, and for the first connections cuts both sides once a given
/// number of bytes went one way: a network that breaks in the middle of a transfer.
///
/// Each connection is two threads copying bytes with blocking sockets; a cut is
/// `shutdown(SHUT_RDWR)` of both sockets, which both peers see as a connection reset or an
/// early end. Stopped when released.
public final class TCPRelay: @unchecked Sendable {
    /// Which way the counted bytes travel.
    public enum Direction: Sendable {
        /// From the client to the target (a push's pack).
        case toTarget
        /// From the target to the client (a fetch's pack).
        case toClient
    }

    /// The port the relay listens on.
    public let port: Int
    private let listener: Int32
    private let state: RelayState

    /// Relays to `target` on 127.0.0.1; the first `connections` connections are cut after
    /// `bytes` bytes went `direction`, later ones are relayed whole.
    public init(to target: Int, cutAfter bytes: Int, direction: Direction, connections: Int = 1) throws {
        state = RelayState(target: target, limit: bytes, direction: direction, cuts: connections)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw TestSetupError("socket() failed: errno \(errno)") }
        var one: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = ServerSupport.loopback(port: 0)
        let listening = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 && listen(listener, 16) == 0
            }
        }
        guard listening else {
            close(listener)
            throw TestSetupError("the relay cannot listen: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        // The thread holds the state, not the relay, so releasing the relay stops it.
        self.listener = listener
        let state = state
        Thread { state.acceptLoop(listener) }.start()
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// How many connections the relay has cut.
    public var cuts: Int { state.cuts }
}

/// What the relay's threads share.
private final class RelayState: @unchecked Sendable {
    let target: Int
    let limit: Int
    let direction: TCPRelay.Direction
    private let lock = NSLock()
    /// How many more connections are cut; guarded by `lock`.
    private var cutsLeft: Int
    /// How many connections were cut so far; guarded by `lock`.
    private var cutCount = 0

    init(target: Int, limit: Int, direction: TCPRelay.Direction, cuts: Int) {
        self.target = target
        self.limit = limit
        self.direction = direction
        cutsLeft = cuts
    }

    var cuts: Int {
        lock.lock()
        defer { lock.unlock() }
        return cutCount
    }

    func acceptLoop(_ listener: Int32) {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = ServerSupport.loopback(port: target)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            guard connected else {
                close(server)
                close(client)
                continue
            }
            lock.lock()
            let cut = cutsLeft > 0
            if cut { cutsLeft -= 1 }
            lock.unlock()
            Connection(client: client, server: server, relay: self, cutAfter: cut ? limit : nil, direction: direction)
                .start()
        }
    }

    func recordCut() {
        lock.lock()
        cutCount += 1
        lock.unlock()
    }
}

/// One relayed connection: two pumps; the sockets close when both have ended.
private final class Connection: @unchecked Sendable {
    let client: Int32
    let server: Int32
    let relay: RelayState
    let cutAfter: Int?
    let direction: TCPRelay.Direction
    private let lock = NSLock()
    private var running = 2

    init(client: Int32, server: Int32, relay: RelayState, cutAfter: Int?, direction: TCPRelay.Direction) {
        self.client = client
        self.server = server
        self.relay = relay
        self.cutAfter = cutAfter
        self.direction = direction
    }

    func start() {
        Thread { [self] in pump(from: client, to: server, limit: direction == .toTarget ? cutAfter : nil) }.start()
        Thread { [self] in pump(from: server, to: client, limit: direction == .toClient ? cutAfter : nil) }.start()
    }

    private func pump(from source: Int32, to destination: Int32, limit: Int?) {
        var buffer = [UInt8](repeating: 0, count: 16384)
        var copied = 0
        var cut = false
        copying: while true {
            let wanted = limit.map { min(buffer.count, $0 - copied) } ?? buffer.count
            if wanted == 0 {
                cut = true
                break
            }
            let count = buffer.withUnsafeMutableBytes { recv(source, $0.baseAddress, wanted, 0) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            var offset = 0
            while offset < count {
                let sent = buffer.withUnsafeBytes {
                    send(destination, $0.baseAddress.map { $0 + offset }, count - offset, Int32(MSG_NOSIGNAL))
                }
                if sent < 0 && errno == EINTR { continue }
                if sent <= 0 { break copying }
                offset += sent
            }
            copied += count
        }
        if cut {
            relay.recordCut()
            shutdown(client, Int32(SHUT_RDWR))
            shutdown(server, Int32(SHUT_RDWR))
        } else {
            // Pass the end on (a half close), so the other direction can still finish.
            shutdown(destination, Int32(SHUT_WR))
        }
        lock.lock()
        running -= 1
        let last = running == 0
        lock.unlock()
        if last {
            close(client)
            close(server)
        }
    }
}
