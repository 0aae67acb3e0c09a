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
