import Foundation
import Testing
@testable import Calibration

@Suite struct PhaseFitTests {
    /// ln x = 1, 2, 3: mu 2, sigma √(2/3) (divisor n), sample sd 1 (divisor n − 1), t(0.975, 2) = 4.303,
    /// so the interval of mu is 2 ± 4.303/√3 = 2 ± 2.4843.
    @Test func fitsTheLogarithmsWithTheMaximumLikelihoodSigmaAndATInterval() throws {
        let fit = try #require(PhaseFit(.modelLoad, samples: [exp(1), exp(2), exp(3)]))
        #expect(fit.count == 3)
        #expect(abs(fit.mu - 2) < 1e-12)
        #expect(abs(fit.sigma - (2.0 / 3).squareRoot()) < 1e-12)
        #expect(abs(fit.muLower - (2 - 4.303 / 3.0.squareRoot())) < 1e-9)
        #expect(abs(fit.muUpper - (2 + 4.303 / 3.0.squareRoot())) < 1e-9)
        #expect(abs(fit.median - exp(2)) < 1e-9)
        #expect(abs(fit.mean - exp(2 + 1.0 / 3)) < 1e-9)
    }

    @Test func zeroSecondsAreLeftOutAndFewerThanTwoSamplesFitNothing() throws {
        let fit = try #require(PhaseFit(.driverInstall, samples: [0, 10, 10]))
        #expect(fit.count == 2 && fit.zeros == 1)
        #expect(abs(fit.mu - log(10)) < 1e-12 && fit.sigma == 0)
        #expect(PhaseFit(.driverInstall, samples: [0, 10]) == nil)
        #expect(PhaseFit(.driverInstall, samples: []) == nil)
    }
}
