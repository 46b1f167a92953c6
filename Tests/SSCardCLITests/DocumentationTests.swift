import Foundation
import Testing

/// The documents and help texts a newcomer reads stay short, linked and true: the README
/// within 150 lines with its two commands, every link and heading a doc names present, the
/// user guide's screens the current ones, and help written for users, with an example.
@Suite struct DocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    static var documents: [String] {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? []
        return ["README.md", "Tests/Fuzz/README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }

    @Test func theReadmeIsShortAndHoldsTheTwoCommands() throws {
        let readme = try Self.text("README.md")
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(lines <= 150, "README.md has \(lines) lines")
        #expect(readme.contains("    scripts/sscard --demo\n") && readme.contains("    scripts/test\n"))
        for doc in ["USER-GUIDE", "OPERATIONS", "ARCHITECTURE", "JOURNAL-FORMAT", "BENCHMARKS"] {
            #expect(readme.contains("docs/\(doc).md"), "the README links \(doc)")
        }
    }

    /// GitHub's anchor for a heading: lower case, spaces to dashes, other punctuation dropped.
    static func anchor(_ heading: String) -> String {
        String(heading.lowercased().compactMap { character -> Character? in
            if character == " " { return "-" }
            if character.isLetter || character.isNumber || character == "-" || character == "_" { return character }
            return nil
        })
    }

    static func anchors(in markdown: String) -> Set<String> {
        var inFence = false
        var found: Set<String> = []
        for line in markdown.split(separator: "\n") {
            if line.hasPrefix("```") { inFence.toggle() }
            guard !inFence, line.hasPrefix("#") else { continue }
            found.insert(anchor(String(line.drop { $0 == "#" }.drop { $0 == " " })))
        }
        return found
    }

    @Test(arguments: documents)
    func everyLinkOfADocumentLeadsToAFileAndHeadingThatExist(document: String) throws {
        let markdown = try Self.text(document)
        let folder = URL(fileURLWithPath: document).deletingLastPathComponent().relativePath
        for match in markdown.matches(of: /\]\(([^)\s]+)\)/) {
            let target = String(match.1)
            if target.hasPrefix("http://") || target.hasPrefix("https://") { continue }
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let file = parts[0].isEmpty ? document : (folder == "." ? parts[0] : folder + "/" + parts[0])
            let path = Self.root.appendingPathComponent(file).standardizedFileURL.path
            #expect(FileManager.default.fileExists(atPath: path), "\(document) links \(target): no such file")
            if parts.count == 2, file.hasSuffix(".md"), let linked = try? Self.text(file) {
                #expect(Self.anchors(in: linked).contains(parts[1]), "\(document) links \(target): no such heading")
            }
        }
    }

    /// The guide's screens are the snapshots the tests check; scripts/refresh-guide-screens
    /// copies them again after a screen changed.
    @Test func theUserGuidesScreensAreTheCurrentSnapshots() throws {
        let guide = try Self.text("docs/USER-GUIDE.md")
        let blocks = guide.matches(of: /<!-- screen: ([\w.-]+) -->\n```text\n((?:.|\n)*?)```\n/)
        #expect(blocks.count >= 8, "the guide shows the screens of each role")
        for block in blocks {
            let snapshot = try Self.text("Tests/CardAppTests/Snapshots/\(block.1).txt")
            let expected = snapshot.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.replacing(/\ +$/, with: "") }.joined(separator: "\n").trimmingCharacters(in: .newlines)
            #expect(String(block.2).trimmingCharacters(in: .newlines) == expected,
                    "docs/USER-GUIDE.md shows an old \(block.1); run scripts/refresh-guide-screens")
        }
    }

    /// Every command's help, found by walking the SUBCOMMANDS sections from `sscard --help`.
    static func helpTexts() throws -> [(command: [String], text: String)] {
        var found: [(command: [String], text: String)] = []
        var queue: [[String]] = [[]]
        // Bounded: a mistake in reading the sections must not walk forever.
        while let command = queue.popLast(), found.count < 100 {
            let help = try SSCardProcess.run(command + ["--help"])
            found.append((command, help.output))
            guard let section = help.output.components(separatedBy: "SUBCOMMANDS:").dropFirst().first else { continue }
            // The section's entries: two spaces, then a lower-case name; it ends at its first blank line.
            for line in section.split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
                guard let match = line.firstMatch(of: /^  ([a-z][a-z-]*)\b/) else { continue }
                queue.append(command + [String(match.1)])
            }
        }
        return found
    }

    @Test func helpIsWrittenForUsersWithAnExample() throws {
        let helps = try Self.helpTexts()
        #expect(helps.count >= 20, "every command's help was read")
        for (command, text) in helps {
            let shown = (["sscard"] + command).joined(separator: " ")
            for planningCode in [/\bD[0-9]{1,2}\b/, /\bU[0-9]\b/, /\bA\.[0-9]+/, /DEMO-DATA/, /DOMAIN\.md/, /DECISIONS\.md/] {
                #expect(text.firstMatch(of: planningCode) == nil, "\(shown) --help speaks of the project's planning: \(text)")
            }
            #expect(text.contains("Example: sscard"), "\(shown) --help gives no example")
        }
    }
}
