/// The SHA-256 fingerprints of the synthetic registries bundled in `datasets/registries`
/// (`coopstat sample`, default seed), so outputs can say when their inputs are synthetic whatever
/// the files are called or wherever they lie. Invariant: one entry per bundled file, lower-case hex;
/// a test checks them against the files.
public enum BundledRegistries {
    /// Fingerprint → bundled file name.
    public static let fingerprints: [String: String] = [
        "17785927bb8c5597489a1327615b9476b3d18fd3012cd0443480727573ab4da8": "01_bureau_fr_2005_2009.csv",
        "3ae1bd42649b7a843952275ab327188a15837217828253b077f56ef0c9b05ede": "02_bureau_ar_2010_2014.csv",
        "0788d67055e060ff1f43a2a0684691ac9852aefa0b62036876fc1331faaac9ef": "03_bureau_ar_2015_2019.csv",
        "0e98d09f5fc32cf9f315d80ab7fcfcd4cca8188b068961b55ad9d041c77e5f96": "04_export_en_2020_2024.csv",
        "fb1c5f76fcdb6087f756634270825ac2e085d3ecfc59b636ad86af0b479f67a8": "05_mises_a_jour.csv",
    ]

    /// The inputs that are bundled synthetic registries, by their fingerprint.
    public static func synthetic(_ inputs: [InputDescription]) -> [InputDescription] {
        inputs.filter { fingerprints[$0.sha256.lowercased()] != nil }
    }
}
