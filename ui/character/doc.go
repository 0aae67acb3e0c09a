// Package character is the GUI of "Apply to a character…": choose a rigged
// character file, check and change the bone match, watch the character move
// beside the motion, and save it with the motion as a GLB. The retargeting
// itself is core/motion/retarget's; this package only shows it.
package character
