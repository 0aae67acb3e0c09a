package secrets

import (
	"errors"
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
