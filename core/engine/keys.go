package engine

import "singlecam/core/secrets"

// The API key's keeping goes through the engine like every other change to
// the world: front ends call these, never the keyring. Keyring calls can
// block on an unlock prompt: call them off the UI thread.

// LookupKey finds the key: $MOVE_API_KEY first, then the OS keyring.
func LookupKey() (string, secrets.Source, error) { return secrets.Lookup() }

// SaveKey keeps a key in the OS keyring; check it first with CheckKey.
func SaveKey(key string) error { return secrets.Save(key) }

// ForgetKey removes the key from the OS keyring; forgetting no key is fine.
func ForgetKey() error { return secrets.Forget() }
