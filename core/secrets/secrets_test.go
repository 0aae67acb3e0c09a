package secrets

import (
	"errors"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"
)

func TestEnvironmentWinsOverTheKeyring(t *testing.T) {
	keyring.MockInit()
	t.Setenv(KeyEnv, "")
	if _, src, err := Lookup(); !errors.Is(err, ErrNoKey) || src != FromNowhere {
		t.Fatalf("empty: %v %v", src, err)
	}
	if err := Save("  saved-key-0123456789 \n"); err != nil {
		t.Fatal(err)
	}
	if key, src, err := Lookup(); err != nil || key != "saved-key-0123456789" || src != FromKeyring {
		t.Errorf("saved: %q %v %v", key, src, err)
	}
	t.Setenv(KeyEnv, "env-key-0123456789")
	if key, src, _ := Lookup(); key != "env-key-0123456789" || src != FromEnvironment {
		t.Errorf("env: %q %v", key, src)
	}
	t.Setenv(KeyEnv, "")
	if err := Forget(); err != nil {
		t.Fatal(err)
	}
	if err := Forget(); err != nil {
		t.Errorf("forgetting twice: %v", err)
	}
	if _, _, err := Lookup(); !errors.Is(err, ErrNoKey) {
		t.Errorf("after forget: %v", err)
	}
}

func TestAKeyringFailureIsNamed(t *testing.T) {
	keyring.MockInitWithError(errors.New("dbus: no session bus"))
	t.Setenv(KeyEnv, "")
	if _, _, err := Lookup(); !errors.Is(err, ErrNoKeyring) {
		t.Errorf("err = %v, want ErrNoKeyring", err)
	}
	if err := Save("k"); !errors.Is(err, ErrNoKeyring) {
		t.Errorf("save: %v", err)
	}
}

// Absent, locked and refused keyrings are three errors, since each asks the
// user for something else; once, all of them were "no keyring".
func TestKeyringFailuresAreToldApart(t *testing.T) {
	t.Setenv(KeyEnv, "")
	for _, tc := range []struct {
		cause string
		want  error
	}{
		{"dbus: DBUS_SESSION_BUS_ADDRESS not set", ErrNoKeyring},
		{"The name org.freedesktop.secrets was not provided by any .service files", ErrNoKeyring},
		{"failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'", ErrKeyringLocked},
		{"security: SecKeychainSearchCopyNext: User interaction is not allowed.", ErrKeyringLocked},
		{"org.freedesktop.DBus.Error.AccessDenied: Rejected send message", ErrKeyringRefused},
		{"Access is denied.", ErrKeyringRefused},
	} {
		keyring.MockInitWithError(errors.New(tc.cause))
		_, _, lookupErr := Lookup()
		saveErr := Save("a-key-of-some-length")
		for _, err := range []error{lookupErr, saveErr} {
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.cause) {
				t.Errorf("%q: got %v, want %v with the cause kept", tc.cause, err, tc.want)
			}
		}
	}
	keyring.MockInit()
}

func TestAKeySavedUnderTheOldAppIDIsMovedOnFirstStart(t *testing.T) {
	keyring.MockInit()
	t.Setenv(KeyEnv, "")
	if err := keyring.Set(LegacyKeyringService, KeyringUser, "old-key-0123456789"); err != nil {
		t.Fatal(err)
	}
	key, src, err := Lookup()
	if err != nil || key != "old-key-0123456789" || src != FromKeyring {
		t.Fatalf("first start: %q %v %v, want the old key from the keyring", key, src, err)
	}
	if got, err := keyring.Get(KeyringService, KeyringUser); err != nil || got != "old-key-0123456789" {
		t.Errorf("under the new service: %q %v, want the key moved there", got, err)
	}
	if _, err := keyring.Get(LegacyKeyringService, KeyringUser); !errors.Is(err, keyring.ErrNotFound) {
		t.Errorf("under the old service: %v, want it gone after the move", err)
	}
	if key, _, err := Lookup(); err != nil || key != "old-key-0123456789" {
		t.Errorf("second start: %q %v", key, err)
	}
}

func TestTheNewKeyWinsAndForgetClearsBoth(t *testing.T) {
	keyring.MockInit()
	t.Setenv(KeyEnv, "")
	keyring.Set(LegacyKeyringService, KeyringUser, "old-key-0123456789")
	keyring.Set(KeyringService, KeyringUser, "new-key-0123456789")
	if key, _, _ := Lookup(); key != "new-key-0123456789" {
		t.Errorf("Lookup = %q, want the key under the new service", key)
	}
	if err := Forget(); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Lookup(); !errors.Is(err, ErrNoKey) {
		t.Errorf("after Forget: %v, want ErrNoKey (no old key coming back)", err)
	}
}
