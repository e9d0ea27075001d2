package provenance

import (
	"crypto/sha256"
	"encoding/hex"
)

// SHA256 is the SHA-256 of data in lowercase hexadecimal, as sha256sum
// prints it: a reader checks a scenario file with `sha256sum FILE`.
func SHA256(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
