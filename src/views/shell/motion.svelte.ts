// How the stake flow moves, shared by the Flow tab and the presenter's controls: paused, or at a speed a
// room can follow (a presenter slows it down to talk over a slash).
export const SPEEDS = [0.5, 1, 2] as const;

export const motion = $state<{ paused: boolean; speed: number }>({ paused: false, speed: 1 });
