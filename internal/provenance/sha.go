package provenance

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
)

// SHA256 is the SHA-256 of data in lowercase hexadecimal, as sha256sum
// prints it: a reader checks a scenario file with `sha256sum FILE`.
func SHA256(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// TeeSHA256 returns a reader that reads r and a function that gives the
// SHA-256 (as SHA256 writes it) of everything read through it so far: the
// digest of an input file as its reader read it.
func TeeSHA256(r io.Reader) (io.Reader, func() string) {
	h := sha256.New()
	return io.TeeReader(r, h), func() string { return hex.EncodeToString(h.Sum(nil)) }
}
