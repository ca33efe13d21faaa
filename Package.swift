// swift-tools-version:6.0
//
// plantrack: Swedish county mental-health action plans as Markdown + YAML in git.
//
// Dependencies point one way:
//   plantrack (CLI) ─┬─> PlantrackGit ─> CGit2 (libgit2), Crypto (known_hosts hashes)
//                    │        │
//                    ├─> PlantrackKolada ─> AsyncHTTPClient (Kolada's HTTP API)
//                    │        │
//                    ├────────┴─> PlantrackCore ─┬─> CYAML (libyaml)
//                    │                           ├─> Ink (Markdown bodies)
//                    │                           ├─> Crypto (swift-crypto: SHA-1 of schema versions)
//                    └───────────────────────────┴─> JSONSchema (the CLI writes its JSONValue)
// PlantrackGit and PlantrackKolada do not see each other. The CLI also uses ArgumentParser and Rainbow; plantrack-generate uses PlantrackGit,
// PlantrackCore and ArgumentParser. Each target lists every module its files import.
// The domain (PlantrackCore) never sees libgit2 or the CLI: it reads files through the
// `Snapshot` protocol and versions through the `History` protocol, which PlantrackGit
// implements over libgit2 (`GitHistory`) and PlantrackCore in memory for tests
// (`MemoryHistory`). The tests share PlantrackTestSupport (repositories, the process
// runner, golden files). See docs/design.md.
import PackageDescription

let package = Package(
    name: "plantrack",
    products: [
        .executable(name: "plantrack", targets: ["plantrack"]),
        .executable(name: "plantrack-generate", targets: ["plantrack-generate"]),
        .library(name: "PlantrackCore", targets: ["PlantrackCore"]),
        .library(name: "JSONSchema", targets: ["JSONSchema"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/onevcat/Rainbow", from: "4.0.0"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"4.0.0"),
        // Kolada's HTTP API (`indicators fetch`): SwiftNIO's client, with timeouts, redirects
        // and TLS of its own on Linux, where FoundationNetworking is curl underneath and
        // leaves no say over connections (docs/indicators.md).
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // The mock Kolada server of the tests (NIOHTTP1); AsyncHTTPClient brings it anyway.
        .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
    ],
    targets: [
        // System libraries from Debian: libgit2-dev and libyaml-dev.
        .systemLibrary(
            name: "CGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),

        // A JSON Schema draft 2020-12 validator; knows nothing of plans.
        .target(name: "JSONSchema"),

        // The domain: documents, front matter, the plan model, workspace reading.
        .target(
            name: "PlantrackCore",
            dependencies: [
                "CYAML", "JSONSchema", .product(name: "Ink", package: "Ink"),
                // Only SHA-1, to name schema versions by their git blob ids.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedSchemas"]
        ),

        // Builds Schemas/*.json into PlantrackCore so the binary works anywhere, and the
        // fingerprint of its sources that keys the roll-up memo.
        .executableTarget(
            name: "embed-schemas",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],  // SHA-256 of the fingerprint
            path: "Sources/embed-schemas"
        ),
        .plugin(name: "EmbedSchemas", capability: .buildTool(), dependencies: ["embed-schemas"]),

        // libgit2 bindings and the git-backed snapshots and history.
        .target(
            name: "PlantrackGit",
            dependencies: [
                "CGit2", "PlantrackCore",
                // HMAC-SHA1 of hashed known_hosts names, SHA-256 of SSH host keys.
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // Kolada's v3 API over HTTP: request planning, batching, paging, retries, timeouts.
        .target(
            name: "PlantrackKolada",
            dependencies: [
                "PlantrackCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                // ByteBuffer and HTTP statuses, as AsyncHTTPClient hands them over.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),

        // The command-line interface: parses arguments, calls the library, renders.
        .executableTarget(
            name: "plantrack",
            dependencies: [
                "JSONSchema",
                "PlantrackCore",
                "PlantrackGit",
                "PlantrackKolada",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Rainbow", package: "Rainbow"),
            ]
        ),

        // Deterministic generator of large synthetic workspaces with history (benchmarks).
        .executableTarget(
            name: "plantrack-generate",
            dependencies: [
                "PlantrackCore",
                "PlantrackGit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // What the test targets share (not a product): temporary folders and repositories,
        // the process runner, golden files.
        .target(
            name: "PlantrackTestSupport",
            dependencies: [
                "PlantrackCore", "PlantrackGit",
                // The mock Kolada server.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/PlantrackTestSupport"
        ),

        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema"]),
        .testTarget(name: "PlantrackCoreTests", dependencies: ["JSONSchema", "PlantrackCore"]),
        .testTarget(name: "PlantrackGitTests", dependencies: ["PlantrackGit", "PlantrackCore", "PlantrackTestSupport"]),
        .testTarget(
            name: "PlantrackCLITests",
            dependencies: [
                "plantrack", "plantrack-generate", "PlantrackGit", "PlantrackCore", "PlantrackKolada", "PlantrackTestSupport",
            ],
            exclude: ["Golden"]
        ),
        .testTarget(name: "PlantrackTestSupportTests", dependencies: ["PlantrackTestSupport", "PlantrackCore", "PlantrackGit"]),
    ]
)
