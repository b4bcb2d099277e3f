import ArgumentParser
import Experiments

/// `initscope presets [NAME]`: the experiments that ship with the tool, and the YAML of one
/// to start a config from.
struct PresetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "List the preset experiments, or print one preset's YAML config to start from.",
        discussion: """
            Without NAME: each preset's name and what it compares. With NAME: the preset's
            YAML config, exactly as shipped in Fixtures/configs/NAME.yaml, on standard output.
            Copy it, change what you want to study, and run your file:
              initscope presets udacity > deep-tanh.yaml
              $EDITOR deep-tanh.yaml        # e.g. activation: tanh, hidden_sizes: [256, 256, 256]
              initscope run deep-tanh.yaml

            A config's name is its file name unless it sets name:. Every key is optional except
            initializers; `initscope list` shows the initializers, activations, optimizers,
            data sources and thresholds a config can name.

            Exit status: 0 success · 2 unknown preset.
            """)

    @Argument(help: ArgumentHelp("Preset whose YAML to print (omit to list the presets).", valueName: "name"))
    var name: String?

    func run() throws {
        guard let name else {
            let width = (Presets.all.map(\.name.count).max() ?? 0) + 2
            for preset in Presets.all {
                print(preset.name.padding(toLength: width, withPad: " ", startingAt: 0) + preset.summary)
            }
            return
        }
        let text: String
        do { text = try Presets.text(named: name) } catch {
            throw failWithBadInput("\(error.description) Run `initscope presets` to see what each one compares.")
        }
        print(text, terminator: "")
    }
}
