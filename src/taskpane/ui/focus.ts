/**
 * Focus for dialogs opened from a button: when the dialog closes (Escape, Close, or its action),
 * focus goes back to that button, or to `fallback` when the button is gone or disabled, instead of
 * falling to <body> (Fluent restores focus only for dialogs opened by a DialogTrigger).
 */
import { useEffect, useRef } from "react";

const focusable = (el: HTMLElement | null): el is HTMLElement => el !== null && el.isConnected && !(el as HTMLButtonElement).disabled;

export function useReturnFocus<T extends HTMLElement>(open: boolean, fallback?: () => HTMLElement | null) {
  const opener = useRef<T | null>(null);
  const wasOpen = useRef(false);
  const fallbackRef = useRef(fallback);
  fallbackRef.current = fallback;
  useEffect(() => {
    if (open) {
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    // The dialog leaves with an animation; focus is placed once it no longer holds it, and again if
    // its unmounting drops focus to <body>.
    let tries = 0;
    let closed = false; // the closing dialog has left the page: a dialog seen later is another one
    const timer = setInterval(() => {
      tries += 1;
      const inDialog = (el: Element) => el.closest("[role=dialog],[role=alertdialog]") !== null;
      const active = document.activeElement as HTMLElement | null;
      const lost = !active || active === document.body || !active.isConnected || (!closed && inDialog(active));
      const target = focusable(opener.current) ? opener.current : (fallbackRef.current?.() ?? null);
      if (lost && target) target.focus();
      if (!document.querySelector("[role=dialog],[role=alertdialog]")) closed = true;
      if ((closed && document.activeElement === target) || tries >= 40) clearInterval(timer);
    }, 25);
    return () => clearInterval(timer);
  }, [open]);
  return opener;
}
