import CoopDomain

/// A message for the terminal or the log, as the command line prints it: one line, every control
/// character, bidirectional override and newline from input shown as a visible escape
/// (`VisibleText`), so a file name or a value can never forge a line or drive the terminal.
/// Invariant: the result holds no character `VisibleText.isUnsafe` flags.
public enum MessageLine {
    public static func safe(_ message: String) -> String { VisibleText.escaped(message) }
}
