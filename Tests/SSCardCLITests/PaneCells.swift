import SnapshotSupport

/// A tmux pane captured with its attributes and trailing spaces (capture-pane -e -N) read
/// back into cells, as a light-on-dark terminal shows them: white or reverse video makes a
/// light ground.
enum PaneCells {
    struct Pen {
        var reverse = false
        var darkInk = false
        var lightGround = false

        /// Dark ink on a light ground, once reverse video has swapped them.
        var showsDarkInk: Bool { reverse ? !darkInk : lightGround }

        mutating func apply(_ parameters: [Int]) {
            var index = 0
            while index < parameters.count {
                let code = parameters[index]
                switch code {
                case 0: self = Pen()
                case 7: reverse = true
                case 27: reverse = false
                case 30...37: darkInk = code == 30
                case 39: darkInk = false
                case 40...47: lightGround = code == 47
                case 49: lightGround = false
                case 100...107: lightGround = code == 107
                case 38, 48:
                    // 38;5;n and 48;5;n (256 colours), 38;2;r;g;b (direct colour).
                    let isFive = index + 2 < parameters.count && parameters[index + 1] == 5
                    let value = isFive ? parameters[index + 2] : 0
                    if code == 38 { darkInk = isFive && value == 0 } else { lightGround = isFive && (value == 7 || value == 15) }
                    index += isFive ? 2 : 4
                default: break
                }
                index += 1
            }
        }
    }

    static func parse(_ captured: String) -> [[ScanDecoder.Cell]] {
        var pen = Pen()
        return captured.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var cells: [ScanDecoder.Cell] = []
            var scalars = Array(line.unicodeScalars)[...]
            while let scalar = scalars.first {
                scalars = scalars.dropFirst()
                if scalar == "\u{1B}", scalars.first == "[" {
                    let body = scalars.dropFirst().prefix { !("@"..."~").contains($0) }
                    scalars = scalars.dropFirst(body.count + 2)
                    pen.apply(String(String.UnicodeScalarView(body)).split(separator: ";", omittingEmptySubsequences: false)
                        .map { Int($0) ?? 0 })
                    continue
                }
                let cell = ScanDecoder.Cell(Character(scalar), darkInk: pen.showsDarkInk)
                cells.append(cell)
                // CJK text takes two columns; the block elements one, as tmux draws them here.
                if scalar.value >= 0x1100, !(0x2580...0x259F).contains(scalar.value) { cells.append(cell) }
            }
            return cells
        }
    }
}
