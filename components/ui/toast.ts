"use client";
// Toasts through sonner, loaded after the page rather than with it: some 9 kB gzip off every page's first load
// (issue 10). A toast raised before the Toaster has mounted shows when it mounts (sonner replays active toasts).
const loadSonner = () => import("sonner");

export const toast = {
  success: (message: string) => void loadSonner().then((sonner) => sonner.toast.success(message)),
  error: (message: string) => void loadSonner().then((sonner) => sonner.toast.error(message)),
};
