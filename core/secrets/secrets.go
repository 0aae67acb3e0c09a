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

// Where the key is kept in the OS keyring: the service is the app's ID.
// Changing either loses every saved key unless Lookup migrates it, as it
// does from LegacyKeyringService.
const (
	KeyringService = "app.singlecam.Singlecam"
	KeyringUser    = "move-api-key"
)

// LegacyKeyringService is where releases up to 0.1.0 kept the key (their app
// ID, "app.singlecam.desktop"). Lookup moves a key found there to
// KeyringService, so nobody has to enter it again.
const LegacyKeyringService = "app.singlecam.desktop"

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

// The three ways the keyring can fail, told apart because each asks
// something different of the user: only a missing keyring is a fact of the
// computer (a key can then be used for one session); a locked one wants
// unlocking, a refusal wants the user's permission.
var (
	// ErrNoKeyring: this system has no keyring service to keep the key in.
	ErrNoKeyring = errors.New("this system has no keyring service")
	// ErrKeyringLocked: the keyring is there but locked, and was not
	// unlocked (no unlock prompt could be shown, or it was dismissed).
	ErrKeyringLocked = errors.New("the system keyring is locked")
	// ErrKeyringRefused: the keyring is there but refused Singlecam, or
	// failed in a way it did not explain.
	ErrKeyringRefused = errors.New("the system keyring refused access")
)

// Lookup finds the key: the environment first, then the keyring.
func Lookup() (string, Source, error) {
	if key := strings.TrimSpace(os.Getenv(KeyEnv)); key != "" {
		return key, FromEnvironment, nil
	}
	key, err := keyring.Get(KeyringService, KeyringUser)
	if errors.Is(err, keyring.ErrNotFound) {
		key, err = migrateLegacyKey()
	}
	switch {
	case err == nil && strings.TrimSpace(key) != "":
		return strings.TrimSpace(key), FromKeyring, nil
	case err == nil || errors.Is(err, keyring.ErrNotFound):
		return "", FromNowhere, ErrNoKey
	}
	return "", FromNowhere, keyringError(err)
}

// migrateLegacyKey moves a key saved under LegacyKeyringService to
// KeyringService and returns it; keyring.ErrNotFound if there is none. If
// the move fails the key is still returned, and the move is tried again at
// the next start.
func migrateLegacyKey() (string, error) {
	key, err := keyring.Get(LegacyKeyringService, KeyringUser)
	if err != nil || strings.TrimSpace(key) == "" {
		return key, err
	}
	if keyring.Set(KeyringService, KeyringUser, strings.TrimSpace(key)) == nil {
		keyring.Delete(LegacyKeyringService, KeyringUser)
	}
	return key, nil
}

// Save keeps the key in the OS keyring.
func Save(key string) error {
	if err := keyring.Set(KeyringService, KeyringUser, strings.TrimSpace(key)); err != nil {
		return keyringError(err)
	}
	return nil
}

// Forget removes the key from the OS keyring (under the old service name
// too); forgetting no key is fine.
func Forget() error {
	if err := keyring.Delete(LegacyKeyringService, KeyringUser); err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return keyringError(err)
	}
	err := keyring.Delete(KeyringService, KeyringUser)
	if err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return keyringError(err)
	}
	return nil
}

// keyringError sorts a keyring failure into ErrNoKeyring, ErrKeyringLocked
// or ErrKeyringRefused, keeping the keyring's own words. The keyring library
// gives no typed errors beyond "not found", so its messages are read: the
// Secret Service's (over D-Bus), macOS's security tool's and Windows'.
func keyringError(err error) error {
	msg := strings.ToLower(err.Error())
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(msg, w) {
				return true
			}
		}
		return false
	}
	kind := ErrKeyringRefused
	switch {
	case errors.Is(err, keyring.ErrUnsupportedPlatform),
		has("no session bus", "dbus_session_bus_address", "serviceunknown", "was not provided by any",
			"org.freedesktop.secrets", "autolaunch", "connection refused", "no such file or directory",
			"executable file not found"):
		kind = ErrNoKeyring
	case has("failed to unlock", "is locked", "islocked", "interaction is not allowed", "interaction not allowed",
		"dismissed", "exit status 36"):
		kind = ErrKeyringLocked
	}
	return fmt.Errorf("%w (%w)", kind, err)
}
