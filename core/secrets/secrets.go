// Package secrets finds and keeps the Move API key: the MOVE_API_KEY
// environment variable first, else the OS keyring (macOS Keychain, Windows
// Credential Manager, the Secret Service on Linux). The key is never written
// to preferences, files or logs. Keyring calls can block on an unlock
// prompt: front ends call them off their UI thread.
package secrets

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/zalando/go-keyring"
)

// Where the key is kept in the OS keyring. Fixed: changing them would lose
// every saved key.
const (
	KeyringService = "app.singlecam.desktop"
	KeyringUser    = "move-api-key"
)

// KeyEnv is the environment variable that overrides the saved key.
const KeyEnv = "MOVE_API_KEY"

// Source says where a key came from.
type Source int

const (
	FromNowhere Source = iota
	FromEnvironment
	FromKeyring
)

func (s Source) String() string {
	switch s {
	case FromEnvironment:
		return "the " + KeyEnv + " environment variable"
	case FromKeyring:
		return "the system keyring"
	}
	return "nowhere"
}

// ErrNoKey: no key is set or saved.
var ErrNoKey = errors.New("no Move API key is set or saved")

// ErrNoKeyring: this system has no keyring service to keep the key in.
var ErrNoKeyring = errors.New("this system has no keyring service")

// Lookup finds the key: the environment first, then the keyring.
func Lookup() (string, Source, error) {
	if key := strings.TrimSpace(os.Getenv(KeyEnv)); key != "" {
		return key, FromEnvironment, nil
	}
	key, err := keyring.Get(KeyringService, KeyringUser)
	switch {
	case err == nil && strings.TrimSpace(key) != "":
		return strings.TrimSpace(key), FromKeyring, nil
	case err == nil || errors.Is(err, keyring.ErrNotFound):
		return "", FromNowhere, ErrNoKey
	}
	return "", FromNowhere, fmt.Errorf("%w (%v)", ErrNoKeyring, err)
}

// Save keeps the key in the OS keyring.
func Save(key string) error {
	if err := keyring.Set(KeyringService, KeyringUser, strings.TrimSpace(key)); err != nil {
		return fmt.Errorf("%w (%v)", ErrNoKeyring, err)
	}
	return nil
}

// Forget removes the key from the OS keyring; forgetting no key is fine.
func Forget() error {
	err := keyring.Delete(KeyringService, KeyringUser)
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return fmt.Errorf("%w (%v)", ErrNoKeyring, err)
	}
	return nil
}
