package kit

import (
	"os"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestMain starts a test app: Fyne's theme reads its settings.
func TestMain(m *testing.M) {
	test.NewApp()
	os.Exit(m.Run())
}
