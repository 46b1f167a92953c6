/// Picks a photo file: browse directories, see each image's size, pixel dimensions and
/// whether it fits, or type a path. Enter on a directory opens it, on a file chooses it;
/// Backspace goes up; Tab moves between the list and the path field.
public struct FilePicker: Sendable {
    public let title: String
    public let requirement: String
    public private(set) var directory: String
    public private(set) var entries: [FileEntry] = []
    public private(set) var cursor = 0
    public private(set) var pathField: TextField
    public private(set) var isTypingPath = false
    public private(set) var problem: String?
    /// The path chosen with Enter.
    public private(set) var chosenPath: String?
    private let listing: any DirectoryListing
    private var top = 0

    /// What an empty folder is said to lack ("图片文件", "证书文件").
    public let wanted: String

    public init(title: String, requirement: String, directory: String, listing: any DirectoryListing, wanted: String = "图片文件") {
        self.title = title
        self.requirement = requirement
        self.wanted = wanted
        self.directory = FilePicker.normalised(directory)
        self.listing = listing
        pathField = TextField(self.directory, maxLength: 4096)
        reload()
    }

    static func normalised(_ path: String) -> String {
        path.hasSuffix("/") ? path : path + "/"
    }

    /// Shows why the chosen file was refused; the picker stays open on it.
    public mutating func reject(_ message: String) {
        problem = message
        chosenPath = nil
    }

    private mutating func reload() {
        do {
            let found = try listing.entries(in: directory).filter(\.isShown)
            let parent = directory == "/" ? [] : [FileEntry(name: "..", isDirectory: true)]
            entries = parent + found.filter(\.isDirectory).sorted { $0.name < $1.name }
                + found.filter { !$0.isDirectory }.sorted { $0.name < $1.name }
            problem = nil
        } catch {
            entries = directory == "/" ? [] : [FileEntry(name: "..", isDirectory: true)]
            problem = "无法读取目录 \(directory)：\(error)"
        }
        cursor = min(entries.count > 1 ? 1 : 0, max(0, entries.count - 1))
        top = 0
    }

    private mutating func open(_ path: String) {
        directory = FilePicker.normalised(path)
        reload()
        pathField.setText(directory)
    }

    private mutating func goUp() {
        guard directory != "/" else { return }
        var trimmed = directory
        trimmed.removeLast()
        let parent = trimmed.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        open(parent.isEmpty ? "/" : parent)
    }

    public mutating func handle(_ key: Key) -> WidgetResponse {
        if key == .escape { return .cancelled }
        if key == .tab || key == .backTab {
            isTypingPath.toggle()
            return .handled
        }
        if isTypingPath {
            guard key == .enter else { return pathField.handle(key) }
            let path = TextLayout.trimmed(pathField.text)
            if path.hasSuffix("/") { open(path); isTypingPath = false; return .handled }
            chosenPath = path
            return .activated
        }
        switch key {
        case .up: cursor = max(0, cursor - 1)
        case .down: cursor = min(max(0, entries.count - 1), cursor + 1)
        case .pageUp: cursor = max(0, cursor - 10)
        case .pageDown: cursor = min(max(0, entries.count - 1), cursor + 10)
        case .backspace: goUp()
        case .enter:
            guard entries.indices.contains(cursor) else { return .handled }
            let entry = entries[cursor]
            if entry.name == ".." { goUp(); return .handled }
            if entry.isDirectory { open(directory + entry.name); return .handled }
            chosenPath = directory + entry.name
            pathField.setText(directory + entry.name)
            return .activated
        default:
            return .handled
        }
        if entries.indices.contains(cursor), !entries[cursor].isDirectory { pathField.setText(directory + entries[cursor].name) }
        return .handled
    }

    public mutating func draw(on canvas: inout Canvas) {
        canvas.clear(canvas.bounds)
        canvas.write(title, row: 0, column: 1, style: .title)
        canvas.write(requirement, row: 0, column: DisplayWidth.columns(of: title) + 4, style: .muted)
        canvas.rule(row: 1)
        canvas.write(directory, row: 2, column: 1, style: .accent)
        let listRows = max(1, canvas.height - 8)
        if cursor < top { top = cursor }
        if cursor >= top + listRows { top = cursor - listRows + 1 }
        for (offset, entry) in entries.dropFirst(top).prefix(listRows).enumerated() {
            let index = top + offset
            let row = 3 + offset
            let isCursor = index == cursor && !isTypingPath
            canvas.write(isCursor ? ">" : " ", row: row, column: 1, style: .accent)
            let name = entry.isDirectory && entry.name != ".." ? entry.displayName + "/" : (entry.name == ".." ? "../" : entry.displayName)
            let line = TextLayout.pad(name, to: 24) + " " + TextLayout.pad(entry.sizeText, to: 8) + "  "
                + TextLayout.pad(entry.isDirectory ? "" : entry.dimensions, to: 12) + "  "
                + (entry.isDirectory ? (entry.name == ".." ? "上级目录" : "目录") : entry.verdict)
            canvas.write(line, row: row, column: 3, style: isCursor ? .focus : .normal, limit: canvas.width - 4)
        }
        if entries.count <= 1 && problem == nil {
            canvas.write("（此目录下没有\(wanted)）", row: 4, column: 3, style: .muted)
        }
        if let problem { canvas.write(problem, row: canvas.height - 5, column: 1, style: .error) }
        canvas.write("路径", row: canvas.height - 4, column: 1)
        pathField.draw(on: &canvas, row: canvas.height - 4, column: 6, width: canvas.width - 8, focused: isTypingPath)
        if !isTypingPath, entries.indices.contains(cursor) { canvas.cursor = Point(row: 3 + cursor - top, column: 3) }
        canvas.rule(row: canvas.height - 2)
        let hints = isTypingPath
            ? [KeyHint("Enter", "选用此路径"), KeyHint("Tab", "回到列表"), KeyHint("Esc", "取消")]
            : [KeyHint("Enter", "选用/打开"), KeyHint("Tab", "输入路径"), KeyHint("Backspace", "上级目录"), KeyHint("Esc", "取消")]
        FunctionKeyBar(hints: hints).draw(on: &canvas, row: canvas.height - 1)
    }
}

extension FilePicker: Equatable {
    /// Two pickers are the same when they show the same thing; the listing is where
    /// entries come from, not part of what is shown.
    public static func == (lhs: FilePicker, rhs: FilePicker) -> Bool {
        lhs.title == rhs.title && lhs.requirement == rhs.requirement && lhs.directory == rhs.directory
            && lhs.entries == rhs.entries && lhs.cursor == rhs.cursor && lhs.pathField == rhs.pathField
            && lhs.isTypingPath == rhs.isTypingPath && lhs.problem == rhs.problem && lhs.chosenPath == rhs.chosenPath
            && lhs.top == rhs.top
    }
}
