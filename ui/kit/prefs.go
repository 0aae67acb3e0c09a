package kit

import (
	"fyne.io/fyne/v2"

	"singlecam/core/paths"
)

// Preference keys (never the API key: that lives only in the keyring).
const (
	PrefDownloadDir   = "downloadDir"
	PrefLastFolder    = "lastFolder"
	PrefAutoDownload  = "autoDownload"
	PrefNotifications = "notifications"
	PrefEndpoint      = "endpoint" // for testing against 'singlecam simulate'
	PrefInDemo        = "inDemo"   // bool: the last session was the demo, so the next start goes back to it
	PrefLook          = "look"     // LookSystem, LookLight or LookDark (Settings → Look)

	PrefConfirmCost       = "confirmCost"       // bool: ask before starting jobs above the amount
	PrefConfirmAboveCents = "confirmAboveCents" // int: the amount, in US cents
)

// DefaultConfirmAboveCents is the amount offered when the user first turns
// the confirmation before costly jobs on (it is off by default).
const DefaultConfirmAboveCents = 500

// DownloadDir is the folder chosen in Settings, else the default.
func DownloadDir(a fyne.App) string {
	return a.Preferences().StringWithFallback(PrefDownloadDir, paths.DefaultDownloadDir())
}

// KeySource says how the session got its key, for the screens to tell the
// user.
type KeySource int

// Where a session's key comes from.
const (
	KeyDemo        KeySource = iota // the demo: no key, the built-in simulator
	KeyEnvironment                  // MOVE_API_KEY
	KeyKeyring                      // saved in the OS keyring
	KeySessionOnly                  // pasted, kept in memory only: no keyring
)
