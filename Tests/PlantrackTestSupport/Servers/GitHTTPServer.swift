import Foundation

/// git's smart HTTP server (`git http-backend`) behind nginx, with basic authentication, on
/// 127.0.0.1 at a free port; over TLS when given a ``TestCertificateAuthority``. Stopped when
/// released.
///
/// nginx runs as the current user in the foreground without a master process, with its
/// pid, logs and temporary folders in a temporary folder; fcgiwrap runs `git-http-backend`
/// for it on a unix socket, one request at a time (one process: `-c N` would fork workers
/// that outlive a stopped parent). nginx passes the authenticated user as `REMOTE_USER`, which
/// `git-http-backend` enables pushes for and passes to the repository's hooks.
public final class GitHTTPServer {
    /// The folder of the configuration, logs and served repositories.
    public let root: TemporaryFolder
    /// The port nginx listens on.
    public let port: Int
    /// The authority that signed the server's certificate, when serving HTTPS.
    public let authority: TestCertificateAuthority?
    private let nginx: ServerProcess
    private let fcgiwrap: ServerProcess

    /// Starts fcgiwrap and nginx; `users` are the user names and passwords basic
    /// authentication accepts.
    public init(users: [String: String], tls authority: TestCertificateAuthority? = nil) throws {
        root = try TemporaryFolder()
        self.authority = authority
        let dir = root.url
        let repositories = dir.appendingPathComponent("repositories")
        try FileManager.default.createDirectory(at: repositories, withIntermediateDirectories: true)
        for temporary in ["body", "fastcgi", "proxy", "uwsgi", "scgi", "logs"] {
            try FileManager.default.createDirectory(
                at: dir.appendingPathComponent(temporary), withIntermediateDirectories: true)
        }
        var htpasswd = ""
        for (user, password) in users.sorted(by: { $0.key < $1.key }) {
            let hash = try ServerSupport.run("/usr/bin/openssl", ["passwd", "-apr1", "-stdin"], input: password + "\n")
            htpasswd += "\(user):\(hash.trimmingCharacters(in: .whitespacesAndNewlines))\n"
        }
        try root.write("htpasswd", htpasswd)

        let socket = dir.appendingPathComponent("fcgi.sock").path
        let log = dir.appendingPathComponent("server.log")
        fcgiwrap = try ServerSupport.launch("/usr/sbin/fcgiwrap", ["-s", "unix:\(socket)"], log: log)
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: socket) && Date() < deadline && fcgiwrap.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard FileManager.default.fileExists(atPath: socket) else {
            ServerSupport.stop(fcgiwrap)
            throw TestSetupError("fcgiwrap did not create \(socket)")
        }
        do {
            (nginx, port) = try ServerSupport.start("nginx", log: log) { port in
                try Self.configuration(
                    root: dir, port: port, socket: socket, repositories: repositories, authority: authority
                )
                .write(to: dir.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
                return try ServerSupport.launch(
                    "/usr/sbin/nginx",
                    ["-p", dir.path, "-c", dir.appendingPathComponent("nginx.conf").path, "-e", log.path], log: log)
            }
        } catch {
            ServerSupport.stop(fcgiwrap)
            throw error
        }
    }

    deinit {
        ServerSupport.stop(nginx)
        ServerSupport.stop(fcgiwrap)
    }

    /// The folder of the served repositories (`GIT_PROJECT_ROOT`).
    public var repositories: URL { root.url.appendingPathComponent("repositories") }

    /// Creates a bare repository `name` (`plans.git`) the server serves; returns its folder.
    @discardableResult
    public func makeRepository(_ name: String) throws -> URL {
        try ServerSupport.makeBareRepository(name, under: repositories)
    }

    /// `http(s)://[user@]127.0.0.1:PORT/NAME`.
    public func url(_ name: String, user: String? = nil) -> String {
        "\(authority == nil ? "http" : "https")://\(user.map { "\($0)@" } ?? "")127.0.0.1:\(port)/\(name)"
    }

    /// What nginx's error log says (for a failing test's message).
    public var log: String {
        (try? String(contentsOf: root.url.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
    }

    private static func configuration(
        root: URL, port: Int, socket: String, repositories: URL, authority: TestCertificateAuthority?
    ) -> String {
        let dir = root.path
        let tls =
            authority.map {
                """
                        ssl_certificate \($0.serverCertificate.path);
                        ssl_certificate_key \($0.serverKey.path);
                """
            } ?? ""
        return """
            daemon off;
            master_process off;
            worker_processes 1;
            pid \(dir)/nginx.pid;
            error_log \(dir)/server.log warn;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path \(dir)/body;
                fastcgi_temp_path \(dir)/fastcgi;
                proxy_temp_path \(dir)/proxy;
                uwsgi_temp_path \(dir)/uwsgi;
                scgi_temp_path \(dir)/scgi;
                client_max_body_size 0;
                server {
                    listen 127.0.0.1:\(port)\(authority == nil ? "" : " ssl");
            \(tls)
                    location / {
                        auth_basic "plantrack test";
                        auth_basic_user_file \(dir)/htpasswd;
                        fastcgi_pass unix:\(socket);
                        fastcgi_param SCRIPT_FILENAME /usr/lib/git-core/git-http-backend;
                        fastcgi_param GIT_PROJECT_ROOT \(repositories.path);
                        fastcgi_param GIT_HTTP_EXPORT_ALL "";
                        fastcgi_param GIT_CONFIG_NOSYSTEM 1;
                        fastcgi_param HOME \(dir);
                        fastcgi_param PATH /usr/local/bin:/usr/bin:/bin;
                        fastcgi_param REMOTE_USER $remote_user;
                        fastcgi_param REMOTE_ADDR $remote_addr;
                        fastcgi_param PATH_INFO $uri;
                        fastcgi_param QUERY_STRING $query_string;
                        fastcgi_param REQUEST_METHOD $request_method;
                        fastcgi_param CONTENT_TYPE $content_type;
                        fastcgi_param CONTENT_LENGTH $content_length;
                        fastcgi_param SERVER_PROTOCOL $server_protocol;
                        fastcgi_param GATEWAY_INTERFACE CGI/1.1;
                    }
                }
            }

            """
    }
}
