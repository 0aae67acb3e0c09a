package secrets

import (
	"os"
	"testing"

	"github.com/zalando/go-keyring"
)

// TestRealKeyring saves, reads and forgets the key through the system's real
// keyring (on Linux, the Secret Service of an unlocked gnome-keyring). It
// runs only where REAL_KEYRING=1: `make test` starts a private D-Bus session
// with such a keyring for it, since the other tests replace the keyring with
// a mock for the whole process.
func TestRealKeyring(t *testing.T) {
	if os.Getenv("REAL_KEYRING") != "1" {
		t.Skip("set REAL_KEYRING=1 in a session with an unlocked keyring (make test does)")
	}
	t.Setenv(KeyEnv, "")
	const key = "real-keyring-test-key-42"
	if err := Save(key); err != nil {
		t.Fatalf("save: %v", err)
	}
	got, src, err := Lookup()
	if err != nil || got != key || src != FromKeyring {
		t.Fatalf("lookup: %q from %v, %v", got, src, err)
	}
	if err := Forget(); err != nil {
		t.Fatalf("forget: %v", err)
	}
	if _, _, err := Lookup(); err != ErrNoKey {
		t.Errorf("after forget: %v, want ErrNoKey", err)
	}

	// A key saved by a release with the old app ID is found and moved.
	if err := keyring.Set(LegacyKeyringService, KeyringUser, key); err != nil {
		t.Fatalf("save under the old service: %v", err)
	}
	if got, _, err := Lookup(); err != nil || got != key {
		t.Fatalf("lookup of the old key: %q, %v", got, err)
	}
	if _, err := keyring.Get(LegacyKeyringService, KeyringUser); err != keyring.ErrNotFound {
		t.Errorf("the old entry is still there after the move: %v", err)
	}
	if err := Forget(); err != nil {
		t.Fatalf("forget: %v", err)
	}
}
