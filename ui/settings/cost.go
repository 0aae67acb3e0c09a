package settings

import (
	"fmt"
	"math"
	"singlecam/ui/kit"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// costSettings is Settings' "Cost" section: the confirmation before
// starting jobs above an amount, and where the prices come from.
func (m *Dialog) costSettings() fyne.CanvasObject {
	prefs := m.host.App.Preferences()
	amount := kit.NewEntry()
	amount.OnEscape = m.escape
	amount.SetText(strconv.FormatFloat(float64(prefs.IntWithFallback(kit.PrefConfirmAboveCents, kit.DefaultConfirmAboveCents))/100, 'f', 2, 64))
	amount.Validator = func(s string) error {
		if _, ok := parseDollars(s); !ok {
			return fmt.Errorf("an amount in dollars, like 2.50")
		}
		return nil
	}
	amount.OnChanged = func(s string) {
		if cents, ok := parseDollars(s); ok {
			prefs.SetInt(kit.PrefConfirmAboveCents, cents)
		}
	}
	ask := kit.NewCheck("Ask me before starting jobs estimated above $", func(on bool) {
		prefs.SetBool(kit.PrefConfirmCost, on)
		if on {
			amount.Enable()
		} else {
			amount.Disable()
		}
	})
	ask.SetChecked(prefs.Bool(kit.PrefConfirmCost))
	if !ask.Checked {
		amount.Disable()
	}
	m.ConfirmCost, m.ConfirmAbove = ask, amount
	note := widget.NewLabel(kit.PriceNote() + " Move's API says nothing about money: your invoice from Move is what counts.")
	note.Wrapping = fyne.TextWrapWord
	note.TextStyle.Italic = true
	return container.NewVBox(kit.NewBorder(nil, nil, ask, nil, amount) /* Tab: the tick, then its amount */, note)
}

// parseDollars reads an amount like "2.50" or "$2.50" as cents.
func parseDollars(s string) (int, bool) {
	v, err := strconv.ParseFloat(strings.TrimPrefix(strings.TrimSpace(s), "$"), 64)
	if err != nil || v < 0 || v > 1e6 || math.IsNaN(v) {
		return 0, false
	}
	return int(math.Round(v * 100)), true
}
