/// One line of the file picker: a directory, or a file with its size and what the caller
/// found in it ("358x441  可用", "不是图片").
public struct FileEntry: Equatable, Sendable {
    public var name: String
    /// The name as the list shows it: control characters escaped by the caller, and a
    /// link followed by where it points. Defaults to `name`.
    public var displayName: String
    public var isDirectory: Bool
    public var size: Int?
    /// The size as the caller words it elsewhere (so the list and the form say the same);
    /// nil for the picker's own wording.
    public var sizeLabel: String?
    /// Pixel dimensions or "-", already formatted.
    public var dimensions: String
    public var verdict: String
    /// Whether the picker shows it at all (images and directories).
    public var isShown: Bool

    public init(name: String, isDirectory: Bool, size: Int? = nil, dimensions: String = "", verdict: String = "",
                isShown: Bool = true, displayName: String? = nil) {
        self.name = name
        self.displayName = displayName ?? name
        self.isDirectory = isDirectory
        self.size = size
        self.dimensions = dimensions
        self.verdict = verdict
        self.isShown = isShown
    }

    /// "36 KB", "1.2 MB".
    public var sizeText: String {
        if let sizeLabel { return sizeLabel }
        guard let size else { return "" }
        if size < 1024 { return "\(size) B" }
        if size < 1024 * 1024 { return "\((size + 512) / 1024) KB" }
        let tenths = (size * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}

/// Where the picker's entries come from. The app reads the real file system and looks
/// inside images; tests pass a fixed list. Keeps TerminalUI free of file access.
public protocol DirectoryListing: Sendable {
    func entries(in directory: String) throws -> [FileEntry]
}
