// The shared test helpers (TestRepository, TemporaryFolder, CLI, Golden) for every file of
// this target, including ones that do not import the module themselves.
@_exported import PlantrackTestSupport
