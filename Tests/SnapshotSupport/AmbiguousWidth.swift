/// Characters that East Asian terminals may draw two columns wide while others draw one
/// (UAX #11 class A, the ones a screen is likely to use): in a title, a message or a
/// border they shift everything after them on a CJK terminal, so no snapshot may hold one.
public enum AmbiguousWidth {
    static let ranges: [ClosedRange<UInt32>] = [
        0x00A7...0x00A7, 0x00B0...0x00B1, 0x00B7...0x00B7, 0x00D7...0x00D7, 0x00F7...0x00F7,
        0x2010...0x2016, 0x2018...0x2019, 0x201C...0x201D, 0x2020...0x2022, 0x2024...0x2027,
        0x2030...0x2030, 0x2032...0x2033, 0x203B...0x203B, 0x2103...0x2103, 0x2116...0x2116,
        0x2160...0x216B, 0x2190...0x21FF, 0x2460...0x24FF, 0x2500...0x259F, 0x25A0...0x25FF,
        0x2605...0x2606, 0x2640...0x2642,
    ]

    /// The ambiguous-width characters in `text`, in order.
    public static func characters(in text: String) -> [Character] {
        text.filter { character in
            character.unicodeScalars.contains { scalar in ranges.contains { $0.contains(scalar.value) } }
        }
    }
}
