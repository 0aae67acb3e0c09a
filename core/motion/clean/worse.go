package clean

import "fmt"

// A clean-up can make a number worse (locking feet that a walk cycle in
// place slides through bends its straight knees quickly; locking without
// smoothing adds a little of the leg's own jitter). It is never silent:
// Worse lists what got worse, and each finding says so in plain words.

// Finding is one number that clean-up made worse, with what to try.
type Finding struct {
	// What names the number, as the player and the CLI show it.
	What string
	// Before and After are the number's values.
	Before, After float64
	// Unit is the number's unit, as shown ("cm/s"; empty for none).
	Unit string
	// Prec is how many decimals to show.
	Prec int
	// Try says what might help, in a few plain words.
	Try string
	// Percent says the change as a percentage first (jitter's unit says
	// little to a person).
	Percent bool
}

// Sentence says the finding in plain words, for a person.
func (f Finding) Sentence() string {
	unit := ""
	if f.Unit != "" {
		unit = " " + f.Unit
	}
	if f.Percent {
		return fmt.Sprintf("Worse after clean-up: %s %s (%s → %s%s). %s", f.What, ShowChange(f.Before, f.After), Show(f.Before, f.Prec), Show(f.After, f.Prec), unit, f.Try)
	}
	return fmt.Sprintf("Worse after clean-up: %s %s → %s%s. %s", f.What, Show(f.Before, f.Prec), Show(f.After, f.Prec), unit, f.Try)
}

// Tolerances below which a change is not worth a word: the numbers'
// shown precision.
const (
	worseSkate  = 0.05 // cm/s
	worseFloor  = 0.5  // cm
	worseJitter = 0.5  // percent of the value before
)

// Worse lists the numbers of r that got worse, in the order the numbers
// are shown; none for an actor without legs unless it shakes more.
func (r Report) Worse() []Finding {
	b, a := r.Before, r.After
	var out []Finding
	if r.Legs && a.Skate > b.Skate+worseSkate {
		out = append(out, Finding{What: "foot skate", Before: b.Skate, After: a.Skate, Unit: "cm/s", Prec: 1,
			Try: "Planted feet slide further: try the feet on Lock, or less smoothing."})
	}
	if a.Jitter > b.Jitter*(1+worseJitter/100) {
		try := "Try more smoothing."
		if r.Legs {
			try = "Fixing the feet moves the legs quickly on a few frames: try more smoothing, or the feet on Ground or Off."
		}
		out = append(out, Finding{What: "jitter", Before: b.Jitter, After: a.Jitter, Unit: "m/s³", Prec: 0, Try: try, Percent: true})
	}
	if !r.Legs {
		return out
	}
	if a.PlantedHigh > max(b.PlantedHigh, 0)+worseFloor {
		out = append(out, Finding{What: "highest planted foot", Before: b.PlantedHigh, After: a.PlantedHigh, Unit: "cm", Prec: 1,
			Try: "A planted foot stands further above the floor: its leg cannot reach down."})
	}
	if a.PlantedLow < min(b.PlantedLow, 0)-worseFloor {
		out = append(out, Finding{What: "lowest planted foot", Before: b.PlantedLow, After: a.PlantedLow, Unit: "cm", Prec: 1,
			Try: "A planted foot sinks further into the floor."})
	}
	if a.Lowest < min(b.Lowest, 0)-worseFloor {
		out = append(out, Finding{What: "lowest foot", Before: b.Lowest, After: a.Lowest, Unit: "cm", Prec: 1,
			Try: "A foot goes further below the floor."})
	}
	return out
}
