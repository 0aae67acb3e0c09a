// Package assets holds the files built into the app, such as its icon.
package assets

import _ "embed"

// Icon is the app icon, 512×512 PNG: a camera lens ring around a figure,
// with a record light. Used for the window, notifications and packages.
//
//go:embed icon.png
var Icon []byte
