package kit

import (
	"fmt"
	"math"
	"strconv"

	"singlecam/core/price"
)

// Seconds shows a duration in seconds to a tenth: "3", "29.5".
func Seconds(s float64) string {
	return strconv.FormatFloat(math.Round(s*10)/10, 'f', -1, 64)
}

// PriceNote says what every price the app shows assumes.
func PriceNote() string {
	return fmt.Sprintf("Prices are estimates from Move's published standard rates (%s), assuming Move bills the clip window when one is set, else the whole video. With Move's choice of model, both S1's and S2's prices are shown.",
		price.Published.AsOf)
}
