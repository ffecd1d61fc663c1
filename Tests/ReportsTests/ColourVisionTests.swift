import Glibc
import Testing

@testable import Reports

/// The cost slices stay apart for readers with red-green colour-vision deficiency and on a
/// greyscale print. Deficiencies are simulated with the full-severity matrices of Machado,
/// Oliveira & Fernandes, "A Physiologically-based Model for Simulation of Color Vision
/// Deficiency" (IEEE TVCG 15(6), 2009), applied to linear sRGB; differences are CIE 1976
/// ΔE*ab in CIELAB (D65 white).
@Suite struct ColourVisionTests {
    typealias Matrix = [[Double]]
    static let normal: Matrix = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    static let deuteranopia: Matrix = [
        [0.367_322, 0.860_646, -0.227_968], [0.280_085, 0.672_501, 0.047_413],
        [-0.011_820, 0.042_940, 0.968_881],
    ]
    static let protanopia: Matrix = [
        [0.152_286, 1.052_583, -0.204_868], [0.114_503, 0.786_281, 0.099_216],
        [-0.003_882, -0.048_116, 1.051_998],
    ]
    static let visions: [(name: String, matrix: Matrix)] = [
        ("normal", normal), ("deuteranopia", deuteranopia), ("protanopia", protanopia),
    ]

    /// CIELAB of `color` as seen through `vision`.
    static func lab(_ color: Color, _ vision: Matrix) -> (l: Double, a: Double, b: Double) {
        func linear(_ c: Double) -> Double { c <= 0.040_45 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        let rgb = [linear(color.red), linear(color.green), linear(color.blue)]
        let seen = vision.map { row in Swift.min(1, Swift.max(0, zip(row, rgb).reduce(0) { $0 + $1.0 * $1.1 })) }
        let x = 0.412_456_4 * seen[0] + 0.357_576_1 * seen[1] + 0.180_437_5 * seen[2]
        let y = 0.212_672_9 * seen[0] + 0.715_152_2 * seen[1] + 0.072_175_0 * seen[2]
        let z = 0.019_333_9 * seen[0] + 0.119_192_0 * seen[1] + 0.950_304_1 * seen[2]
        func f(_ t: Double) -> Double { t > 216.0 / 24_389 ? cbrt(t) : (24_389.0 / 27 * t + 16) / 116 }
        let fx = f(x / 0.950_47)
        let fy = f(y)
        let fz = f(z / 1.088_83)
        return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))
    }

    static func deltaE(_ p: Color, _ q: Color, _ vision: Matrix) -> Double {
        let a = lab(p, vision)
        let b = lab(q, vision)
        return ((a.l - b.l) * (a.l - b.l) + (a.a - b.a) * (a.a - b.a) + (a.b - b.b) * (a.b - b.b)).squareRoot()
    }

    @Test func theModelMatchesKnownValues() {
        // White is L* 100, mid grey 0x777777 is L* 50.0; greys look the same to every reader.
        #expect(abs(Self.lab(Palette.background, Self.normal).l - 100) < 0.01)
        #expect(abs(Self.lab(Color(hex: 0x777777), Self.normal).l - 50.03) < 0.05)
        #expect(Self.deltaE(Palette.neutral, Palette.neutral, Self.deuteranopia) < 1e-9)
        #expect(
            abs(
                Self.deltaE(Palette.neutral, Color(hex: 0x777777), Self.protanopia)
                    - Self.deltaE(Palette.neutral, Color(hex: 0x777777), Self.normal)) < 0.5)
        // The classic confusion: pure red and green, far apart for normal vision, close for a deuteranope.
        let red = Color(hex: 0xFF0000)
        let green = Color(hex: 0x00B000)
        #expect(Self.deltaE(red, green, Self.normal) > 100)
        #expect(Self.deltaE(red, green, Self.deuteranopia) < 30)
        // The palette the slices had before: system nodes and cluster fee nearly merged for a deuteranope.
        #expect(Self.deltaE(Color(hex: 0x999999), Color(hex: 0xCC79A7), Self.deuteranopia) < 10)
    }

    @Test func adjacentCostSlicesStayApartForEveryReader() {
        let kinds = CostComponent.Kind.allCases
        for (a, b) in zip(kinds, kinds.dropFirst()) {
            for vision in Self.visions {
                let difference = Self.deltaE(a.color, b.color, vision.matrix)
                #expect(difference >= 20, "\(a) / \(b), \(vision.name): ΔE \(difference)")
            }
            // On a greyscale print only lightness remains.
            let lightness = abs(Self.lab(a.color, Self.normal).l - Self.lab(b.color, Self.normal).l)
            #expect(lightness >= 15, "\(a) / \(b) in greyscale: ΔL* \(lightness)")
        }
        // Slices become neighbours when those between them are $0: any two that look alike differ in hatching.
        for (i, a) in kinds.enumerated() {
            for b in kinds[(i + 1)...] where a.isHatched == b.isHatched {
                for vision in Self.visions {
                    #expect(Self.deltaE(a.color, b.color, vision.matrix) >= 20, "\(a) / \(b), \(vision.name)")
                }
            }
        }
    }

    @Test func amountsOnSlicesAreReadable() {
        for kind in CostComponent.Kind.allCases {
            let ratio = Palette.text(on: kind.color).contrastRatio(with: kind.color)
            #expect(ratio >= 4.5, "\(kind): text contrast \(ratio) (WCAG AA asks 4.5)")
        }
        #expect(abs(Palette.black.contrastRatio(with: Palette.background) - 21) < 1e-9)
    }
}
