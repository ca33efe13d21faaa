import Rainbow

/// Colours for terminal output, switched off where colour does not belong.
struct Style: Sendable {
    let enabled: Bool

    init(for terminal: Terminal) {
        enabled = terminal.usesColour
    }

    func bold(_ s: String) -> String { enabled ? s.bold : s }
    func dim(_ s: String) -> String { enabled ? s.dim : s }
    func red(_ s: String) -> String { enabled ? s.red : s }
    func yellow(_ s: String) -> String { enabled ? s.yellow : s }
    func green(_ s: String) -> String { enabled ? s.green : s }
    func cyan(_ s: String) -> String { enabled ? s.cyan : s }
}
