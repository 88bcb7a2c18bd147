import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const RouteFailure = ({ onReload }: { onReload: () => void }) => {
  const { t } = useTranslation('common');
  return (
    <div className="banner banner-error" role="alert" data-testid="route-failure">
      <span>{t('routeError.body')}</span>
      <button type="button" onClick={onReload}>
        {t('routeError.reload')}
      </button>
    </div>
  );
};

/** Around each route: a view that throws while rendering says so and can be drawn again; the rest of the app stays. */
export class RouteBoundary extends Component<{ children: ReactNode }, { failed: boolean; attempt: number }> {
  override state = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): Partial<{ failed: boolean }> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A view failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.failed) return <RouteFailure onReload={() => this.setState(({ attempt }) => ({ failed: false, attempt: attempt + 1 }))} />;
    // A new key on reload mounts the view afresh, so its queries read again.
    return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
  }
}
