import Testing
import Charts

@Suite struct NiceTicksTests {
    @Test func unitRangeGetsTenthsInFifths() {
        #expect(NiceTicks.linear(0, 1) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(TickFormat.linear([0, 0.2, 0.4, 0.6, 0.8, 1]) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func chanceLossRangeGetsHalves() {
        #expect(NiceTicks.linear(0, 2.302585) == [0, 0.5, 1, 1.5, 2, 2.5])
    }

    @Test func rangeAcrossZeroEnclosesBothEnds() {
        #expect(NiceTicks.linear(-3, 7) == [-4, -2, 0, 2, 4, 6, 8])
    }

    @Test func noFloatingPointDustInTicks() {
        let ticks = NiceTicks.linear(0.1, 0.7, target: 6)
        #expect(ticks.contains(0.3))
        #expect(TickFormat.linear(ticks).allSatisfy { $0.count <= 4 })
    }

    @Test func twoAndAHalfStepsGetADecimalMore() {
        #expect(TickFormat.linear([0, 2.5, 5, 7.5, 10]) == ["0.0", "2.5", "5.0", "7.5", "10.0"])
    }

    @Test func logAxisOverSixDecadesHasEveryPower() {
        let ticks = NiceTicks.log10(1e-6, 1)
        #expect(ticks.count == 7)
        #expect(abs(ticks[0] - 1e-6) < 1e-18 && ticks.last == 1)
        #expect(ticks.map(TickFormat.power) == ["10⁻⁶", "10⁻⁵", "10⁻⁴", "0.001", "0.01", "0.1", "1"])
    }

    @Test func logAxisOverManyDecadesThinsItsLabels() {
        let ticks = NiceTicks.log10(1e-12, 1e6)
        #expect(ticks.count <= 10)
        #expect(ticks.first! <= 1e-12 && ticks.last! >= 1e6)
    }

    @Test func degenerateRangesStayFiniteAndOrdered() {
        for ticks in [NiceTicks.linear(5, 5), NiceTicks.linear(0, 0), NiceTicks.linear(.nan, 1), NiceTicks.log10(3, 3)] {
            #expect(ticks.count >= 2)
            #expect(ticks.allSatisfy { $0.isFinite })
            #expect(ticks == ticks.sorted())
        }
        #expect(NiceTicks.linear(5, 5).first! < 5 && NiceTicks.linear(5, 5).last! > 5)
    }
}

@Suite struct CountTicksTests {
    @Test func stepCountsGetWholeNumberTicks() {
        #expect(NiceTicks.linear(1, 16, target: 6, minimumStep: 1) == [0, 2, 4, 6, 8, 10, 12, 14, 16])
        #expect(NiceTicks.linear(1, 3, target: 6, minimumStep: 1) == [1, 2, 3])
        #expect(NiceTicks.linear(1, 938, target: 6, minimumStep: 1) == [0, 200, 400, 600, 800, 1000])
    }
}
