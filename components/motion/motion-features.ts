// Loaded asynchronously by <MotionProvider> (LazyMotion), so the animation
// engine (~27 KB gz) is never in the initial bundle.
import { domAnimation } from "framer-motion";

export default domAnimation;
