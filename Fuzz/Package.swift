// swift-tools-version:6.0
//
// The fuzz targets (docs/development.md, "Fuzzing"): libFuzzer executables, one per entry
// point where bad input enters plantrack. A package of its own, beside the product's, so
// that `swift build` and `swift test` of plantrack never build them. `scripts/fuzz` builds
// it into the scratch path `.build-fuzz` with AddressSanitizer and libFuzzer's coverage
// instrumentation for every module (-Xswiftc); only these executables link libFuzzer
// itself (below): with `-sanitize=fuzzer` for every module, the build tool of plantrack's
// EmbedSchemas plugin would link libFuzzer too and fail.
import PackageDescription

/// Each fuzz target: its module, and where its seed inputs are (Fuzz/Corpus/<module>).
let fuzzTargets = ["FuzzFrontMatter", "FuzzSchema", "FuzzDiff", "FuzzMerge", "FuzzKolada"]

let package = Package(
    name: "plantrack-fuzz",
    dependencies: [.package(name: "plantrack", path: "..")],
    targets: [
        // libFuzzer's entry point for a program with its own `main` (LLVMFuzzerRunDriver).
        .target(name: "CFuzzerDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzerDriver", .product(name: "PlantrackCore", package: "plantrack")]
        ),
    ]
        + fuzzTargets.map { name in
            .executableTarget(
                name: name,
                dependencies: [
                    "FuzzSupport", .product(name: "PlantrackCore", package: "plantrack"),
                    .product(name: "JSONSchema", package: "plantrack"),
                ],
                // No top-level code: the entry points are the `@_cdecl` functions.
                swiftSettings: [.unsafeFlags(["-parse-as-library"])],
                linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
            )
        }
)
