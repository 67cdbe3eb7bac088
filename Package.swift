// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "replylint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "replylint", targets: ["replylint"]),
        .library(name: "ReplyLint", targets: ["ReplyLint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // ICU is reached only through this C target: its public header uses plain C types,
        // because Swift cannot import Debian's macro-renamed ICU headers next to Foundation.
        .target(
            name: "CICUBridge",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // Snowball ships no pkg-config file: a module map names the header and the library.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .target(
            name: "ReplyLint",
            dependencies: ["CICUBridge", "CStemmer", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "replylint",
            dependencies: ["ReplyLint", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Compiles lexicons/**/*.yml into Swift source so the binary needs no source tree.
        .executableTarget(
            name: "lexicon-embed",
            dependencies: ["ReplyLint"]
        ),
        // `make bench`: the corpus, every measured workload and the figures of issue 5.
        .executableTarget(
            name: "replylint-bench",
            dependencies: ["ReplyLint", "CICUBridge"]
        ),
        .testTarget(
            name: "ReplyLintTests",
            dependencies: ["ReplyLint", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
    ]
)

// The libFuzzer target exists only when scripts/fuzz.sh builds it: libFuzzer supplies its
// `main`, so a plain `swift build` could not link it.
if Context.environment["REPLYLINT_FUZZ"] != nil {
    package.targets.append(.executableTarget(name: "replylint-fuzz", dependencies: ["ReplyLint"]))
}
