/// What a county's plan budgets from the national streams, beside what the county is
/// allocated: per §6.1 kind, and in all ("Stockholm's plan covers 6.4 MSEK of the 369 MSEK").
///
/// The plan's budget of a kind is the sum of its funding streams (`funding:`) of that
/// `kind`. Funding streams that name no kind are counted apart (`unassignedSEK`) and in the
/// total.
public struct AllocationCoverage: Hashable, Sendable {
    /// One §6.1 kind: allocated and budgeted.
    public struct Row: Hashable, Sendable {
        /// The kind.
        public var kind: StreamKind
        /// The county's allocation of this kind.
        public var allocatedSEK: Int
        /// What the plan budgets of this kind.
        public var budgetedSEK: Int

        /// The budget as a percentage of the allocation; nil when nothing is allocated.
        public var coveredPercent: Double? { AllocationCoverage.percent(budgetedSEK, of: allocatedSEK) }
    }

    /// The plan (`stockholm/2019`).
    public var plan: ItemReference
    /// One row per §6.1 kind the agreement has, in §6.1's order.
    public var rows: [Row]
    /// What the plan budgets from funding streams that name no kind.
    public var unassignedSEK: Int
    /// The county's allocation in all.
    public var allocatedSEK: Int

    /// What the plan budgets in all.
    public var budgetedSEK: Int { rows.reduce(unassignedSEK) { $0 + $1.budgetedSEK } }

    /// The plan's whole budget as a percentage of the county's whole allocation.
    public var coveredPercent: Double? { Self.percent(budgetedSEK, of: allocatedSEK) }

    /// Sets `plan`'s funding beside the county's `share`.
    public init(plan: Plan, share: Allocation.CountyShare) {
        self.plan = plan.reference
        rows = share.byKind.map { entry in
            Row(
                kind: entry.kind, allocatedSEK: entry.amountSEK,
                budgetedSEK: plan.funding.filter { $0.kind == entry.kind }.reduce(0) { $0 + $1.amountSEK })
        }
        let counted = Set(rows.map(\.kind))
        unassignedSEK = plan.funding.filter { $0.kind.map { !counted.contains($0) } ?? true }.reduce(0) { $0 + $1.amountSEK }
        allocatedSEK = share.totalSEK
    }

    static func percent(_ part: Int, of whole: Int) -> Double? {
        whole > 0 ? Double(part) * 100 / Double(whole) : nil
    }
}
