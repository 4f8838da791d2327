import XCTest

@testable import CoopPipeline

/// The fault variables exist only in debug/test builds (`COOPSTAT_FAULTS`, Package.swift): a
/// release binary reads neither, so a leftover variable in a cron environment changes nothing.
final class FaultInjectionBuildTests: XCTestCase {
    func testTheVariablesAreReadOnlyInDebugBuilds() throws {
        let environment = ["COOPSTAT_FAULT": "write:coopstat.txt", "COOPSTAT_FAULT_DELAY_MS": "5"]
        let hook = FaultInjection(environment: environment)
        #if DEBUG
            XCTAssertTrue(FaultInjection.readsEnvironment)
            XCTAssertEqual(hook, FaultInjection(fault: "write:coopstat.txt", delayMilliseconds: 5))
            XCTAssertThrowsError(try hook.check("write:coopstat.txt")) { error in
                XCTAssertEqual(error as? InjectedFault, InjectedFault(step: "write:coopstat.txt"))
            }
        #else
            XCTAssertFalse(FaultInjection.readsEnvironment)
            XCTAssertEqual(hook, .none)
        #endif
        XCTAssertNoThrow(try hook.check("write:summary.json"))  // another step is never failed
    }
}
