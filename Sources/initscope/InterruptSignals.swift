import Foundation
import Dispatch
import Training

/// Turns SIGINT (Ctrl-C) and SIGTERM into an `InterruptionFlag` request, so `run` can stop
/// its runs at the next batch and still write what finished. A second signal quits at once,
/// without writing, with status 128 + the signal number.
///
/// The signals are ignored as process signals and read through `DispatchSource` signal
/// sources instead: the handlers run on a dispatch queue, not in signal context, so they
/// may print and take locks. Nothing runs in a real signal handler.
final class InterruptSignals {
    private let sources: [any DispatchSourceSignal]

    /// Starts watching; keep the returned value alive for as long as the watch should last.
    /// `onFirst` is called once, on a dispatch queue, with the signal's name.
    init(_ flag: InterruptionFlag, onFirst: @escaping @Sendable (String) -> Void) {
        let queue = DispatchQueue(label: "initscope.signals")
        sources = [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")].map { number, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if flag.request(reason: name) {
                    onFirst(name)
                } else {
                    Console.note("\(name) again: quitting without writing.")
                    _exit(ExitStatus.interrupted(by: number))
                }
            }
            source.resume()
            return source
        }
    }

    /// SIGTERM for "SIGTERM", SIGINT for anything else.
    static func number(named name: String) -> Int32 { name == "SIGTERM" ? SIGTERM : SIGINT }

    deinit {
        for source in sources { source.cancel() }
    }
}
