export default defineContentScript({
  matches: ['https://zwdt.sh.gov.cn/*', 'https://ywtb.sh.gov.cn/*'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    document.documentElement.dataset.zwdtHelper = 'loaded';
  },
});
