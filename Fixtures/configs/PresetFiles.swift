/// The preset configs in this folder, compiled into the binary so `initscope` needs no files
/// at run time; each one is also runnable from disk (`initscope run Fixtures/configs/udacity.yaml`).
///
/// To add a preset: write `NAME.yaml` here, add `.embedInCode("NAME.yaml")` to the
/// `PresetFiles` target in Package.swift, and add one line below (file names with `-` become
/// `_` in `PackageResources`). A test fails while a YAML file here is missing from this list.
public enum PresetFiles {
    /// (file name without `.yaml`, exact file text), in the order `initscope presets` lists them.
    public static let all: [(name: String, text: String)] = [
        ("udacity", text(PackageResources.udacity_yaml)),
        ("zeros-symmetry", text(PackageResources.zeros_symmetry_yaml)),
        ("glorot2010", text(PackageResources.glorot2010_yaml)),
        ("he2015", text(PackageResources.he2015_yaml)),
        ("saxe2013", text(PackageResources.saxe2013_yaml)),
        ("batchnorm", text(PackageResources.batchnorm_yaml)),
    ]

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
