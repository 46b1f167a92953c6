/// An image's width and height in pixels; described as "358x441", as the bureau writes it.
public struct PixelSize: Codable, Equatable, Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Whether this is at least `minimum` in both directions.
    public func covers(_ minimum: PixelSize) -> Bool {
        width >= minimum.width && height >= minimum.height
    }

    public var description: String { "\(width)x\(height)" }
}
